import type { ValidateFunction } from 'ajv';
import { compileSchema } from '../data/compileSchema.ts';
import { roleError } from '../errors.ts';
import type { ApiDefinition } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

const compiled = new WeakMap<ApiDefinition, { whole: ValidateFunction; texts: [string, ValidateFunction][] }>();

/**
 * With `checkResponses` (the test suite turns it on), every body sent is held against the vendor's
 * response schema, JSON-text fields (AdvancedInfo) against their contentSchema too, so a drift
 * between what we send and what the vendor documents fails loudly as the emulator's own invalidResponse error.
 */
export function checkResponse(api: ApiDefinition, body: Record<string, unknown>): void {
  let c = compiled.get(api);
  if (!c) {
    const texts = Object.entries(api.response.properties ?? {})
      .filter(([, s]) => s.contentMediaType === 'application/json' && s.contentSchema)
      .map(([k, s]) => [k, compileSchema(s.contentSchema as JsonSchema)] as [string, ValidateFunction]);
    c = { whole: compileSchema(api.response), texts };
    compiled.set(api, c);
  }
  const fail = (v: ValidateFunction, where: string): never => {
    throw roleError('invalidResponse', { detail: `${where}${v.errors?.map((e) => `${e.instancePath} ${e.message}`).join('; ')}` });
  };
  if (!c.whole(body)) fail(c.whole, '');
  for (const [k, v] of c.texts) if (typeof body[k] === 'string' && !v(JSON.parse(body[k] as string))) fail(v, `${k}: `);
}
