import type { Flavor } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

type Fields = Record<string, unknown>;

/**
 * Leaves out of a response what this request did not ask for, as the response schema annotates it:
 * `x-when: "flag"` (present when the request parameter `flag` is true), `x-when: {param: value}` (when
 * every listed parameter has that value), `x-unless: {param: value}` (absent then), `x-flavors` (only
 * in those flavours). An object that trimming leaves empty is dropped too (Huawei's `score_info` when
 * no detect_* flag asks). Applied last, over scenario overrides too.
 */
export function presentFields(body: Fields, schema: JsonSchema, params: Fields, flavor: Flavor): Fields {
  const applies = (s: JsonSchema): boolean => {
    const when = s['x-when'];
    const unless = s['x-unless'];
    if (s['x-flavors'] && !s['x-flavors'].includes(flavor)) return false;
    if (typeof when === 'string' && params[when] !== true) return false;
    if (isObject(when) && !Object.entries(when).every(([k, v]) => params[k] === v)) return false;
    if (isObject(unless) && Object.entries(unless).every(([k, v]) => params[k] === v)) return false;
    return true;
  };
  const resolve = (s: JsonSchema): JsonSchema => {
    const ref = s.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return s;
    return ((schema.$defs as Record<string, JsonSchema> | undefined)?.[ref.slice('#/$defs/'.length)]) ?? s;
  };
  const trim = (value: Fields, s: JsonSchema): Fields => {
    const props = resolve(s).properties;
    if (!props) return value;
    const out: Fields = {};
    for (const [k, v] of Object.entries(value)) {
      const child = props[k];
      if (!child) { out[k] = v; continue; }
      if (!applies(child)) continue;
      if (!isObject(v)) { out[k] = v; continue; }
      const inner = trim(v, child);
      if (Object.keys(inner).length === 0 && Object.keys(v).length > 0) continue;
      out[k] = inner;
    }
    return out;
  };
  return trim(body, schema);
}

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
