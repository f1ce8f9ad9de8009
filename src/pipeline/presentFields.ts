import type { Flavor } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';
import { jsonText } from './jsonText.ts';

type Fields = Record<string, unknown>;

/**
 * Whether a response field's schema lets it appear in the answer to this request:
 * `x-when: "flag"` (present when the request parameter `flag` is true; `"Config.Quality"` reads the flag
 * inside the JSON text of the parameter `Config`), `x-when: {param: value}` (when every listed parameter
 * has that value), `x-unless: {param: value}` (absent then), `x-flavors` (only in those flavours).
 */
function appliesTo(params: Fields, flavor: Flavor): (s: JsonSchema) => boolean {
  const param = paramReader(params);
  const every = (pairs: Fields): boolean => {
    for (const k in pairs) if (param(k) !== pairs[k]) return false;
    return true;
  };
  return (s) => {
    const when = s['x-when'];
    const unless = s['x-unless'];
    if (s['x-flavors'] && !s['x-flavors'].includes(flavor)) return false;
    if (typeof when === 'string' && param(when) !== true) return false;
    if (isObject(when) && !every(when)) return false;
    if (isObject(unless) && every(unless)) return false;
    return true;
  };
}

/**
 * Leaves out of a response what this request did not ask for, as the response schema annotates it
 * (`x-when`, `x-unless`, `x-flavors`: see appliesTo). An object that trimming leaves empty is dropped too
 * (Huawei's `score_info` when no detect_* flag asks). Applied last, over scenario overrides too, and inside
 * a JSON-text field (a `contentSchema`, Tencent's AdvancedInfo) while it is still an object (buildResponse
 * leaves it so; writeJsonText writes it after): a scenario's `Quality` shows only when `Config.Quality` asks.
 */
export function presentFields(body: Fields, schema: JsonSchema, params: Fields, flavor: Flavor): Fields {
  const applies = appliesTo(params, flavor);
  const trim = (value: Fields, s: JsonSchema): Fields => {
    const props = fieldsOf(schema, s);
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

/**
 * Whether this request asks for the response field at a dot path (`result.front.portrait_image`,
 * `AdvancedInfo.Quality` inside the JSON text's contentSchema, `ReflectDetailInfos.items` for an array's
 * items), by the same annotations presentFields trims by: an action computes a costly field (a crop, a
 * location, a score) only when it is wanted, and fills an array the vendor always sends only when its items
 * are. A path the schema does not describe is wanted, as presentFields keeps what the schema does not name.
 */
export function fieldWanted(schema: JsonSchema, params: Fields, flavor: Flavor): (path: string) => boolean {
  const applies = appliesTo(params, flavor);
  return (path) => schemasAlong(schema, path).every(applies);
}

/**
 * The dot paths of a scenario's pinned fields that this request does not ask for (so presentFields leaves
 * them out, as the vendor would): for the notice that says so. Walks the overrides as far as the schema
 * describes them, into JSON-text fields too.
 */
export function leftOut(schema: JsonSchema, overrides: Fields, params: Fields, flavor: Flavor): string[] {
  const applies = appliesTo(params, flavor);
  const out: string[] = [];
  const walk = (value: Fields, s: JsonSchema, at: string): void => {
    const props = fieldsOf(schema, s);
    for (const k of Object.keys(value)) {
      const child = props?.[k];
      if (!child) continue;
      if (!applies(child)) out.push(`${at}${k}`);
      else if (isObject(value[k])) walk(value[k], child, `${at}${k}.`);
    }
  };
  walk(overrides, schema, '');
  return out;
}

const paths = new WeakMap<JsonSchema, Map<string, JsonSchema[]>>();

/** The schemas of the fields along a dot path, down to the first the schema does not describe (once per schema and path). */
function schemasAlong(root: JsonSchema, path: string): JsonSchema[] {
  let known = paths.get(root);
  if (!known) paths.set(root, (known = new Map()));
  let along = known.get(path);
  if (!along) {
    along = [];
    let s = root;
    for (const key of path.split('.')) {
      const here = resolveRef(root, s);
      const child = fieldsOf(root, s)?.[key] ?? (key === 'items' && here.type === 'array' ? here.items : undefined);
      if (!child) break;
      along.push((s = child));
    }
    known.set(path, along);
  }
  return along;
}

/** The fields a schema describes: an object's properties, or those of the JSON text it holds (`contentSchema`). */
function fieldsOf(root: JsonSchema, s: JsonSchema): Record<string, JsonSchema> | undefined {
  const here = resolveRef(root, s);
  return here.properties ?? here.contentSchema?.properties;
}

/** `#/$defs/<name>` resolved within the response schema; any other schema as it is. */
function resolveRef(root: JsonSchema, s: JsonSchema): JsonSchema {
  const ref = s.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return s;
  return ((root.$defs as Record<string, JsonSchema> | undefined)?.[ref.slice('#/$defs/'.length)]) ?? s;
}

/** A request parameter by name, or by `Param.flag` inside a parameter's JSON text (parsed once per request, if at all). */
function paramReader(params: Fields): (name: string) => unknown {
  let parsed: Map<string, unknown> | undefined;
  return (name) => {
    if (Object.hasOwn(params, name)) return params[name];
    const dot = name.indexOf('.');
    if (dot < 0) return undefined;
    const outer = name.slice(0, dot);
    if (!Object.hasOwn(params, outer)) return undefined;
    parsed ??= new Map();
    if (!parsed.has(outer)) parsed.set(outer, jsonText(params[outer]));
    return name.slice(dot + 1).split('.').reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), parsed.get(outer));
  };
}

function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
