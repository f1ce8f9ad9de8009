import type { ErrorObject } from 'ajv';
import { didYouMean } from '../cli/didYouMean.ts';
import { describeProblem } from './describeProblem.ts';

/** One mistake in a checked value, in words, with the Ajv error it was made from. */
export interface SchemaProblem { text: string; error: ErrorObject }

/**
 * Ajv's errors for `value` against `root` (the schema it was checked with) as one line per mistake,
 * each starting with the JSON pointer of the value: an unknown key names the key, the nearest allowed
 * one and every allowed one; a wrong enum value lists the allowed values; a value that fits no branch
 * of a oneOf/anyOf gets the one branch that explains it, not a line per branch and one for the oneOf.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], root: object, value: unknown): SchemaProblem[] {
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const error of collapseAlternatives(errors)) {
    const text = describe(error, root, value);
    if (!seen.has(text)) out.push({ text, error });
    seen.add(text);
  }
  return out;
}

function describe(e: ErrorObject, root: object, value: unknown): string {
  const at = e.instancePath || '/';
  const params = e.params as { unevaluatedProperty?: string; additionalProperty?: string; missingProperty?: string; allowedValues?: unknown[] };
  const unknown = params.unevaluatedProperty ?? params.additionalProperty;
  if ((e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') && unknown !== undefined) {
    const keys = keysOf(root, nodeAt(root, parentPointer(e.schemaPath)));
    return `${e.instancePath ? `${e.instancePath}: ` : ''}unknown key ${unknown}${didYouMean(unknown, keys)}${keys.length ? `; allowed: ${keys.join(', ')}` : ''}`;
  }
  if (e.keyword === 'required') return `${e.instancePath ? `${e.instancePath}: ` : ''}missing key ${params.missingProperty}`;
  const got = valueAt(value, e.instancePath);
  const shown = got === undefined ? '' : `, got ${JSON.stringify(got)}`;
  const near = e.keyword === 'enum' && typeof got === 'string' ? didYouMean(got, (params.allowedValues ?? []).map(String)) : '';
  return `${at} ${describeProblem(e)}${shown}${near}`;
}

/**
 * Replaces each failed oneOf/anyOf and the errors of its branches by the errors of the first branch
 * whose type the value has (`latencyMs: -5` → "must be at least 0"), or, when it has none of their
 * types, by one type error naming them all ("must be an integer or a mapping").
 */
function collapseAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  let out = [...errors];
  for (const alt of errors) {
    if ((alt.keyword !== 'oneOf' && alt.keyword !== 'anyOf') || !out.includes(alt)) continue;
    const prefix = `${alt.schemaPath}/`;
    const within = (e: ErrorObject): boolean => e.schemaPath.startsWith(prefix) && (e.instancePath === alt.instancePath || e.instancePath.startsWith(`${alt.instancePath}/`));
    const inside = out.filter(within);
    // No branch errors: more than one branch matched (a oneOf), which Ajv's own message says.
    if (!inside.length) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const wrongType = (e: ErrorObject): boolean => e.keyword === 'type' && e.instancePath === alt.instancePath;
    const fitting = [...branches.values()].find((es) => !es.some(wrongType));
    const types = inside.filter(wrongType).map((e) => String((e.params as { type: string }).type));
    const instead = fitting ?? [{ ...alt, keyword: 'type', params: { type: types.map((t) => describeProblem({ keyword: 'type', params: { type: t } }).replace(/^must be /, '')).join(' or ') } }];
    const position = out.indexOf(alt);
    out = [...out.slice(0, position).filter((e) => !within(e)), ...instead, ...out.slice(position + 1).filter((e) => !within(e))];
  }
  return out;
}

/** Every property name a schema node allows: its own, and those of the schemas it refers to ($ref within `root`) or combines (allOf). */
function keysOf(root: object, node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const s = node as { properties?: object; $ref?: string; allOf?: unknown[] };
  const own = Object.keys(s.properties ?? {}).filter((k) => !k.startsWith('$'));
  const referred = typeof s.$ref === 'string' && s.$ref.startsWith('#') ? keysOf(root, nodeAt(root, s.$ref)) : [];
  return [...new Set([...own, ...referred, ...(s.allOf ?? []).flatMap((n) => keysOf(root, n))])];
}

/** `#/properties/steps/items/unevaluatedProperties` → `#/properties/steps/items`. */
const parentPointer = (schemaPath: string): string => schemaPath.slice(0, schemaPath.lastIndexOf('/'));

/** The part of `value` at a JSON pointer (`/steps/0/fault`; a schema path may start with `#`). */
function nodeAt(value: unknown, pointer: string): unknown {
  const steps = pointer.replace(/^#/, '').split('/').slice(1).map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  return steps.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), value);
}

const valueAt = (value: unknown, instancePath: string): unknown => (instancePath ? nodeAt(value, instancePath) : undefined);
