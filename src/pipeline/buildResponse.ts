import { fakeFromSchema } from './fakeFromSchema.ts';
import { deepMerge } from './chooseScenarios.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';
import type { Flavor } from '../data/types.ts';

/**
 * The response body: the schema's generated skeleton, the action's fields over it, the scenario's
 * overrides over those. Fields the vendor sends as JSON text (`contentMediaType: application/json`,
 * e.g. IDCardOCR's AdvancedInfo) are merged as objects and serialised last; fields marked
 * `x-flavors` are dropped for the other flavour (intl IdCardOCRVerification has no Portrait).
 */
export function buildResponse(
  schema: JsonSchema,
  seed: number,
  fields: Record<string, unknown>,
  overrides: Record<string, unknown>,
  flavor: Flavor,
): Record<string, unknown> {
  const props = schema.properties ?? {};
  const jsonText = Object.keys(props).filter((k) => props[k]!.contentMediaType === 'application/json' && props[k]!.type === 'string');
  const base = fakeFromSchema(schema, seed);
  for (const k of jsonText) if (typeof base[k] === 'string') base[k] = JSON.parse(base[k] as string);
  const body = deepMerge(deepMerge(base, fields), overrides);
  for (const k of jsonText) if (typeof body[k] === 'object' && body[k] !== null) body[k] = JSON.stringify(body[k]);
  for (const [k, s] of Object.entries(props)) if (s['x-flavors'] && !s['x-flavors'].includes(flavor)) delete body[k];
  return body;
}
