import type { JsonSchema } from '../data/jsonSchema.ts';
import { roleError } from '../errors.ts';

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
      // An array takes small indexes only: not `length`, not 4294967294 (a sparse array that validation would walk for ever).
      if (Array.isArray(node) && !/^\d{1,4}$/.test(part)) throw roleError('wrongType', { name: key });
      if (i === path.length - 1) setOwn(node, part, coerce(value, s));
      else {
        const next = Object.hasOwn(node, part) ? node[part] : undefined; // never `__proto__` or `constructor.prototype`
        if (typeof next !== 'object' || next === null) setOwn(node, part, isArraySchema(s) || (!s && /^\d+$/.test(path[i + 1]!)) ? [] : {});
        node = node[part] as Record<string, unknown>;
      }
    });
  }
  return root;
}

/** An own property even for `__proto__` (as JSON.parse makes it), so validation reports it instead of the prototype changing. */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}

function childSchema(s: JsonSchema | undefined, part: string): JsonSchema | undefined {
  if (!s) return undefined;
  if (isArraySchema(s)) return s.items;
  return s.properties && Object.hasOwn(s.properties, part) ? s.properties[part] : undefined;
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
