import { fakeFromSchema } from './fakeFromSchema.ts';
import { precompiled } from '../data/precompiled.ts';
import { schemaKey } from '../data/schemaKey.ts';
import { deepMerge } from './chooseScenarios.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

const skeletons = new WeakMap<JsonSchema, Record<string, unknown>>();

/**
 * The schema's skeleton, generated once per schema: every field takes its schema `default` (the
 * vendors' "" and [] for "not applicable"), so it is the same for every request and json-schema-faker
 * stays off the request path. The build generated those of the shipped schemas (precompiled).
 */
export function skeletonOf(schema: JsonSchema): Record<string, unknown> {
  let s = skeletons.get(schema);
  if (!s) {
    s = precompiled().skeleton(schemaKey(schema)) ?? fakeFromSchema(schema, 1);
    skeletons.set(schema, s);
  }
  return s;
}

/**
 * The response body: the skeleton, the action's fields over it, the scenario's overrides over those.
 * A field the schema does not declare is left out when the schema allows no others: a handler shared
 * by several APIs (the FaceID verification logic) answers each with its own fields only. Fields the
 * vendor sends as JSON text (`contentMediaType: application/json`, e.g. IDCardOCR's AdvancedInfo) are
 * merged as objects and stay objects, for presentFields to trim; writeJsonText then writes them as text.
 */
export function buildResponse(schema: JsonSchema, fields: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const { base, declared } = preparedOf(schema);
  const own = schema.additionalProperties === false ? pickDeclared(fields, declared) : fields;
  // deepMerge copies what it merges into and never writes to `base`, so the frozen skeleton is shared; most
  // answers have no scenario overrides, and are not copied a second time for none.
  const merged = deepMerge(base, own);
  return Object.keys(overrides).length ? deepMerge(merged, overrides) : merged;
}

/** The body's JSON-text fields (see buildResponse) written as the text the vendor sends; the body is its own (presentFields made it). */
export function writeJsonText(schema: JsonSchema, body: Record<string, unknown>): Record<string, unknown> {
  for (const k of preparedOf(schema).jsonText) if (typeof body[k] === 'object' && body[k] !== null) body[k] = JSON.stringify(body[k]);
  return body;
}

interface Prepared { base: Record<string, unknown>; declared: string[]; jsonText: string[] }
const prepared = new WeakMap<JsonSchema, Prepared>();

/**
 * The skeleton made ready to merge into, once per schema: JSON-text fields parsed, and frozen all the
 * way down, since every answer shares the parts it does not override (a write to one would be an
 * error, not a change to every later answer).
 */
function preparedOf(schema: JsonSchema): Prepared {
  let p = prepared.get(schema);
  if (!p) {
    const props = schema.properties ?? {};
    const jsonText = Object.keys(props).filter((k) => props[k]!.contentMediaType === 'application/json' && props[k]!.type === 'string');
    const base = structuredClone(skeletonOf(schema));
    for (const k of jsonText) if (typeof base[k] === 'string') base[k] = JSON.parse(base[k] as string);
    p = { base: deepFreeze(base), declared: Object.keys(props), jsonText };
    prepared.set(schema, p);
  }
  return p;
}

/** The fields the schema declares. Over the schema's names, not the fields' (a for-in over an object built per request asks V8's runtime for its keys each time). */
function pickDeclared(fields: Record<string, unknown>, declared: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of declared) if (Object.hasOwn(fields, k)) out[k] = fields[k];
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
