import { warningGate } from '../pipeline/warningGate.ts';
import type { ApiDefinition } from '../data/types.ts';

/**
 * The warning codes a response reports: those the scenario says are present that pass the gate (the
 * request's flag is on, `requires` hold). A real service reports nothing
 * it was not asked to check (IDCardOCR Config doc).
 */
export function reportedWarnings(api: ApiDefinition, present: string[], params: Record<string, unknown>): number[] {
  return present.filter((code) => warningGate(api, code, params) === undefined).map(Number);
}
