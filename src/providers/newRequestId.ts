import { randomUUID } from 'node:crypto';
import type { ProviderFacts } from '../data/types.ts';

/**
 * A request id in the form the provider's data names. Every form is drawn from randomUUID, which takes
 * from a cached pool (randomBytes asks the OS each time): 32 hex digits are a UUID's digits.
 */
export function newRequestId(form: ProviderFacts['requestId']): string {
  const id = randomUUID();
  if (form === 'hex32') return id.replaceAll('-', '');
  if (form === 'UUID') return id.toUpperCase();
  return id;
}
