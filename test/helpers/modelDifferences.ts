import { describeType, type VendorSource, type VendorType } from './vendorModel.ts';

/** The part of our JSON Schema that the vendor models speak of. */
export interface SchemaNode { type?: string | string[]; properties?: Record<string, SchemaNode>; items?: SchemaNode; required?: string[] }

// JSON-text fields (Config, AdvancedInfo) are strings whatever their contentSchema says: so are the vendor's.
const jsonTypes: Record<VendorType['kind'], string[]> = {
  string: ['string'], boolean: ['boolean'], integer: ['integer'], float: ['number'], number: ['integer', 'number'],
  array: ['array'], object: ['object'],
};

/** Where a vendor type and our schema first disagree, arrays compared down to their items. */
function typeDifferenceAt(path: string, type: VendorType, schema: SchemaNode | undefined): { path: string; vendor: string; ours: string } | undefined {
  // A member the vendor may send as null (tccli `value_allowed_null`) is `[type, "null"]` in ours: its type is the other one.
  const ours = Array.isArray(schema?.type) ? schema.type.find((t) => t !== 'null') : schema?.type;
  if (!jsonTypes[type.kind].includes(ours ?? '')) return { path, vendor: describeType(type), ours: ours ?? 'untyped' };
  return type.kind === 'array' ? typeDifferenceAt(`${path}[]`, type.items, schema?.items) : undefined;
}

/** Walks down arrays to the object a field holds, if it holds one: `Field[]` and the schema of its items. */
function objectIn(type: VendorType, schema: SchemaNode | undefined, path: string) {
  while (type.kind === 'array') { type = type.items; schema = schema?.items; path += '[]'; }
  return type.kind === 'object' ? { fields: type.fields, schema, path } : undefined;
}

/**
 * Every way our schema `ours` (at `path`, e.g. `IDCardOCR response`) differs from the vendor sources,
 * one sentence each, nested models compared field by field: a field a source declares that we lack,
 * a different type, a different required-ness where the source states one, and a field of ours no
 * source declares unless `allowed` has its path (`IDCardOCR response.Foo`).
 */
export function modelDifferences(path: string, sources: VendorSource[], ours: SchemaNode | undefined, allowed: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const properties = ours?.properties ?? {};
  const required = new Set(ours?.required ?? []);
  const nested = new Map<string, { path: string; schema: SchemaNode | undefined; sources: VendorSource[] }>();
  for (const { source, model } of sources) {
    for (const [name, field] of model) {
      const at = `${path}.${name}`;
      const mine = properties[name];
      if (!mine) { found.push(`${at} (${describeType(field.type)}, ${source}) is missing from our schema`); continue; }
      const typeDifference = typeDifferenceAt(at, field.type, mine);
      if (typeDifference) found.push(`${typeDifference.path}: ${source} says ${typeDifference.vendor}, our schema ${typeDifference.ours}`);
      if (field.required !== undefined && field.required !== required.has(name)) {
        found.push(`${at}: ${source} says ${field.required ? 'required' : 'optional'}, our schema ${required.has(name) ? 'required' : 'optional'}`);
      }
      const inner = objectIn(field.type, mine, at);
      if (inner) {
        const entry = nested.get(inner.path) ?? { path: inner.path, schema: inner.schema, sources: [] };
        entry.sources.push({ source, model: inner.fields });
        nested.set(inner.path, entry);
      }
    }
  }
  for (const name of Object.keys(properties)) {
    const at = `${path}.${name}`;
    if (!sources.some(({ model }) => model.has(name)) && !allowed.has(at)) {
      found.push(`${at} is in our schema but no vendor source declares it (allowlist it in test/tencent/parity.test.ts and README.md if deliberate)`);
    }
  }
  for (const n of nested.values()) found.push(...modelDifferences(n.path, n.sources, n.schema, allowed));
  return found;
}
