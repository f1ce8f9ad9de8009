import type { ApiDefinition } from '../data/types.ts';

/**
 * The warning codes a response reports: those whose condition the scenario says is present, whose
 * flag the request turned on (a code without a flag, e.g. RecognizeMacaoIDCardOCR's, needs none), and
 * whose `requires` (e.g. CardWarnType Advanced for -9110) hold.
 * A real service reports nothing it was not asked to check (IDCardOCR Config doc).
 */
export function reportedWarnings(
  api: ApiDefinition,
  present: string[],
  flags: Record<string, unknown>,
  params: Record<string, unknown>,
): number[] {
  return present
    .filter((code) => {
      const w = api.warnings[code];
      return !!w && (w.flag === undefined || flags[w.flag] === true) && Object.entries(w.requires ?? {}).every(([k, v]) => params[k] === v);
    })
    .map(Number);
}
