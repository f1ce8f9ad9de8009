import type { ErrorObject } from 'ajv';

/** An Ajv error about one value, as the end of a sentence that starts with its name (`port must be an integer`). */
export function describeProblem(e: Pick<ErrorObject, 'keyword' | 'params' | 'message'>): string {
  const p = e.params as { type?: string; allowedValues?: unknown[]; limit?: number };
  switch (e.keyword) {
    case 'type':
      return { integer: 'must be an integer', string: 'must be a string', boolean: 'must be true or false', object: 'must be a mapping of keys to values', array: 'must be a list' }[p.type ?? ''] ?? `must be ${p.type}`;
    case 'enum': return `must be one of ${(p.allowedValues ?? []).join(', ')}`;
    case 'minimum': return `must be at least ${p.limit}`;
    case 'maximum': return `must be at most ${p.limit}`;
    case 'minLength': return 'must not be empty';
    default: return e.message ?? e.keyword;
  }
}
