import type { JsonSchema } from '../data/jsonSchema.ts';

/**
 * Parameters that arrive as text (v1 form bodies, GET queries, multipart fields) carry nested values
 * as flattened keys (`Encryption.EncryptList.0=Name`: node-common `mergeData`, python `_format_params`)
 * and booleans as the client language spells them (`false` from Node, `False` from Python). This
 * rebuilds the nested value and converts each leaf to the type its schema declares; a leaf that does
 * not convert stays a string so that validation reports the vendor's type error.
 */
export function coerceFlatParams(flat: Record<string, string>, schema: JsonSchema): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = key.split('.');
    let node: Record<string, unknown> = root;
    let s: JsonSchema | undefined = schema;
    path.forEach((part, i) => {
      s = childSchema(s, part);
      if (i === path.length - 1) node[part] = coerce(value, s);
      else {
        node[part] ??= isArraySchema(s) || (!s && /^\d+$/.test(path[i + 1]!)) ? [] : {};
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

function childSchema(s: JsonSchema | undefined, part: string): JsonSchema | undefined {
  if (!s) return undefined;
  if (isArraySchema(s)) return s.items;
  return s.properties?.[part];
}

const isArraySchema = (s: JsonSchema | undefined): boolean => s?.type === 'array';

function coerce(value: string, s: JsonSchema | undefined): unknown {
  switch (s?.type) {
    case 'boolean':
      if (/^true$/i.test(value)) return true;
      if (/^false$/i.test(value)) return false;
      return value;
    case 'integer':
    case 'number':
      return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
    default:
      return value;
  }
}
