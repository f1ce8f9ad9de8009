import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ocrSdk from '@alicloud/ocr-api20210707';
import * as cloudauthSdk from '@alicloud/cloudauth20190307';
import { modelDifferences, type SchemaNode } from '../helpers/modelDifferences.ts';
import type { VendorModel, VendorSource, VendorType } from '../helpers/vendorModel.ts';

/**
 * Our Alibaba request and response schemas against every vendor description of the same API: the
 * api-docs.json metadata copies (test/fixtures/vendor-examples/alibaba-*.json: parameters, the 200
 * schema, and the fields of Data's JSON text as its example shows them) and the SDK models'
 * names()/types() (@alicloud/ocr-api20210707, @alicloud/cloudauth20190307). Every field any of them
 * declares is ours with the same type; ours has no other field but those below.
 */
const deliberate = new Map<string, string>([
  ['RecognizeIdcard response.Data.data.face.figure', 'only with OutputFigure=true: the example was taken without it; responseParamsDescription names it'],
  ['RecognizeIdcard response.Data.data.back', 'the emblem side: the example is of the portrait side; responseParamsDescription names it'],
]);

const root = new URL('../../', import.meta.url);
const readJson = <T>(p: string): T => JSON.parse(readFileSync(new URL(p, root), 'utf8')) as T;

interface MetaSchema { type?: string; format?: string; properties?: Record<string, MetaSchema>; items?: MetaSchema; example?: string }
interface ApiDocs { apis: Record<string, { parameters: { name: string; in: string; schema: MetaSchema }[]; responses: { 200: { schema: MetaSchema } } }> }

/** api-docs.json types in the vendor-model terms: `format: binary` is the body's bytes, a string on our side. */
function metaType(s: MetaSchema, name: string): VendorType {
  if (s.type === 'object') return { kind: 'object', name, fields: metaModel(s.properties ?? {}) };
  if (s.type === 'array') return { kind: 'array', items: metaType(s.items ?? {}, name) };
  return { kind: s.type === 'boolean' ? 'boolean' : s.type === 'integer' ? 'integer' : s.type === 'number' ? 'number' : 'string' };
}
const metaModel = (props: Record<string, MetaSchema>): VendorModel => new Map(Object.entries(props).map(([k, s]) => [k, { type: metaType(s, k) }]));

/** The type a value of an example has (numbers as `number`: an example cannot tell integer from float). */
function exampleType(v: unknown, name: string): VendorType {
  if (Array.isArray(v)) return { kind: 'array', items: exampleType(v[0], name) };
  if (typeof v === 'object' && v !== null) return { kind: 'object', name, fields: new Map(Object.entries(v).map(([k, x]) => [k, { type: exampleType(x, k) }])) };
  return { kind: typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string' };
}

type SdkClass = { names(): Record<string, string>; types(): Record<string, unknown> };
/** An SDK model class as the wire names its fields; `Readable` is the body's bytes. */
function sdkModel(c: SdkClass): VendorModel {
  const names = c.names();
  const types = c.types();
  return new Map(Object.entries(names).map(([k, wire]) => {
    const t = types[k];
    const type: VendorType = typeof t === 'function' ? { kind: 'object', name: wire, fields: sdkModel(t as unknown as SdkClass) }
      : { kind: t === 'boolean' ? 'boolean' : t === 'number' ? 'number' : 'string' };
    return [wire, { type }];
  }));
}

/** Our schema with each `$ref: #/$defs/x` replaced by what it names, so nested objects compare field by field. */
function resolved(s: SchemaNode & { $defs?: Record<string, SchemaNode> }, defs: Record<string, SchemaNode> = {}): SchemaNode {
  const d = { ...defs, ...s.$defs };
  const deref = (p: SchemaNode & { $ref?: string }): SchemaNode => (p.$ref ? d[p.$ref.replace('#/$defs/', '')] ?? p : p);
  return {
    ...s,
    ...(s.properties ? { properties: Object.fromEntries(Object.entries(s.properties).map(([k, p]) => [k, resolved(deref(p), d)])) } : {}),
    ...(s.items ? { items: resolved(deref(s.items), d) } : {}),
  };
}

const ocr = ocrSdk as unknown as Record<string, SdkClass>;
const cloudauth = cloudauthSdk as unknown as Record<string, SdkClass>;
const cases = [
  { product: 'ocr-api', service: 'ocr-api', action: 'RecognizeIdcard', sdk: ocr, sdkName: '@alicloud/ocr-api20210707' },
  { product: 'cloudauth', service: 'cloudauth', action: 'Id2MetaVerify', sdk: cloudauth, sdkName: '@alicloud/cloudauth20190307' },
];

/** Every difference between the vendor descriptions and our schemas, but those `allowed`. */
function differences({ product, service, action, sdk, sdkName }: typeof cases[number], allowed: ReadonlySet<string>): string[] {
    const docs = readJson<ApiDocs>(`test/fixtures/vendor-examples/alibaba-${product}.json`).apis[action]!;
    const request: VendorSource[] = [
      { source: `alibaba-${product}.json parameters`, model: new Map(docs.parameters.map((p) => [p.name, { type: metaType(p.schema, p.name) }])) },
      { source: `${sdkName} ${action}Request`, model: sdkModel(sdk[`${action}Request`]!) },
    ];
    const response: VendorSource[] = [
      { source: `alibaba-${product}.json responses.200`, model: metaModel(docs.responses[200].schema.properties ?? {}) },
      { source: `${sdkName} ${action}ResponseBody`, model: sdkModel(sdk[`${action}ResponseBody`]!) },
    ];
    const ours = (side: string) => readJson<SchemaNode & { properties: Record<string, SchemaNode & { contentSchema?: SchemaNode }> }>(`schemas/alibaba/${service}/${action}/${side}.json`);
    const found = [
      ...modelDifferences(`${action} request`, request, ours('request'), allowed),
      ...modelDifferences(`${action} response`, response, ours('response'), allowed),
    ];
    // Data is JSON text: its fields, as the metadata's example shows them, against its contentSchema.
    const dataExample = docs.responses[200].schema.properties?.Data?.example;
    if (dataExample) {
      const example = exampleType(JSON.parse(dataExample), 'Data');
      const model = example.kind === 'object' ? example.fields : new Map();
      found.push(...modelDifferences(`${action} response.Data`, [{ source: `alibaba-${product}.json Data example`, model }], resolved(ours('response').properties.Data!.contentSchema!), allowed));
    }
  return found;
}

describe('our Alibaba schemas declare what the vendor declares, with the same types', () => {
  it.each(cases.map((c) => [c.action, c] as const))('%s', (_n, c) => {
    expect(differences(c, new Set(deliberate.keys()))).toEqual([]);
  });

  it('each deliberate extra field is one the comparison finds', () => {
    const all = cases.flatMap((c) => differences(c, new Set()));
    expect([...deliberate.keys()].filter((field) => !all.some((d) => d.startsWith(`${field} is in our schema`)))).toEqual([]);
  });
});
