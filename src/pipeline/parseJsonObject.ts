import { roleError } from '../errors.ts';
import { parseJsonBody } from './parseJsonBody.ts';

/** A request body that must be a JSON object, whatever the Content-Type's parameters: malformedJson (with JSON.parse's words) or bodyNotObject otherwise. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = parseJsonBody(body);
  } catch (e) {
    throw roleError('malformedJson', { detail: (e as Error).message });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw roleError('bodyNotObject');
  return value as Record<string, unknown>;
}
