import fc from 'fast-check';
import { loadData } from '../../src/data/loadData.ts';
import type { ApiDefinition, ImageRules } from '../../src/data/types.ts';
import type { JsonSchema } from '../../src/data/jsonSchema.ts';
import { imageArb, junkText } from './fuzzKit.ts';

// The APIs the fuzz suites call, and the values of their parameters, read from the data: a new API in
// schemas/ is fuzzed without editing a test. Each parameter's arbitrary follows its request schema
// (enum, boolean, object, array, JSON text, examples), action.json `image` rules name the image and URL
// parameters, and HOSTILE adds, by parameter name, the values that once broke or nearly broke a handler.

export const data = loadData(new URL('../../', import.meta.url).pathname);
export const apis = [...data.apis.values()];

/** Image URLs: reachable-looking, refused at once, of another scheme, empty. */
export const urlArb = fc.constantFrom('https://example.com/card.jpg', 'http://127.0.0.1:1/x.png', 'ftp://x', '');

const NAMES = ['韦小宝', '张三', 'A', '李·明'];
const ID_NUMBERS = ['110101198003074413', '11204416541220243X', '1'];

/**
 * Values merged in wherever an API has a parameter of this name (whatever the API): Config texts that
 * are valid, of the wrong types, unknown keys or not JSON; Encryption blocks that cannot be decrypted;
 * odd names and ID numbers; a wrong-case side.
 */
export const HOSTILE: Record<string, readonly unknown[]> = {
  Config: [
    '{"CropIdCard":true,"CropPortrait":true}', '{"CopyWarn":true,"BorderCheckWarn":true,"ReshootWarn":true}', '{"InvalidDateWarn":true}', '{}', '{"CropIdCard":"yes"}',
    '{"RetImage":"portrait"}', '{"RetImage":"preprocess"}', '{"RetImage":""}', 'x', '{"CopyWarn":true,"Quality":true}',
  ],
  Encryption: [
    { EncryptList: ['Name'], CiphertextBlob: 'abc', Iv: '1234567890123456', Algorithm: 'AES-256-CBC' },
    { EncryptList: ['IdCard'], CiphertextBlob: '', Iv: 'x', Algorithm: 'SM4-GCM' },
  ],
  Name: NAMES,
  IdCard: ID_NUMBERS,
  CardSide: ['front'],
};

/** Valid-looking values by the schema's `x-personal` kind, so that a new API's name or ID number reaches the identity checks. */
const PERSONAL: Record<string, readonly string[]> = { name: NAMES, idNumber: ID_NUMBERS };

/** An enum's values and a near miss or two: the first value in the other case, and the empty string. */
function enumArb(values: readonly unknown[]): fc.Arbitrary<unknown> {
  const first = String(values[0]);
  const flipped = first === first.toLowerCase() ? first.toUpperCase() : first.toLowerCase();
  const wrong = [flipped, ''].filter((w) => !values.includes(w));
  return wrong.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...wrong) }) : fc.constantFrom(...values);
}

/** A string within the schema's lengths, or junk. */
const stringArb = (s: JsonSchema): fc.Arbitrary<unknown> => fc.oneof(
  fc.string({ minLength: typeof s.minLength === 'number' ? s.minLength : 0, maxLength: typeof s.maxLength === 'number' ? Math.min(s.maxLength, 40) : 20 }),
  junkText,
);

/** The arbitrary of one value as its schema describes it (no hostile table: see paramArb). */
export function schemaArb(s: JsonSchema): fc.Arbitrary<unknown> {
  if (Array.isArray(s.examples) && s.examples.length > 0 && s.type !== 'object') return fc.oneof(fc.constantFrom(...s.examples as unknown[]), schemaArb({ ...s, examples: undefined }));
  if (s.enum) return enumArb(s.enum);
  if (s.contentMediaType === 'application/json') {
    // JSON text: an object of the contentSchema's members (the flags), mostly well-formed.
    return fc.oneof({ weight: 4, arbitrary: (s.contentSchema ? schemaArb(s.contentSchema) : fc.jsonValue({ maxDepth: 2 })).map((v) => JSON.stringify(v)) }, { weight: 1, arbitrary: junkText });
  }
  const personal = s['x-personal'] ? PERSONAL[s['x-personal']] : undefined;
  if (personal) return fc.oneof(fc.constantFrom(...personal), stringArb(s));
  switch (Array.isArray(s.type) ? s.type[0] : s.type) {
    case 'boolean': return fc.boolean();
    case 'integer': return fc.integer({ min: typeof s.minimum === 'number' ? s.minimum : -10, max: typeof s.maximum === 'number' ? s.maximum : 1000 });
    case 'number': return fc.double({ min: typeof s.minimum === 'number' ? s.minimum : -10, max: typeof s.maximum === 'number' ? s.maximum : 1000, noNaN: true });
    case 'array': return fc.array(s.items ? schemaArb(s.items) : junkText, { minLength: typeof s.minItems === 'number' ? s.minItems : 0, maxLength: 3 });
    case 'object': return fc.record(Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, paramArb(k, p)])), { requiredKeys: s.required ?? [] });
    default: return stringArb(s);
  }
}

/** One parameter: its schema's arbitrary, with the HOSTILE values of its name as often. */
export function paramArb(name: string, s: JsonSchema): fc.Arbitrary<unknown> {
  const hostile = Object.hasOwn(HOSTILE, name) ? HOSTILE[name]! : [];
  return hostile.length ? fc.oneof(schemaArb(s), fc.constantFrom(...hostile)) : schemaArb(s);
}

const imageRules = (api: ApiDefinition): ImageRules[] => [...(api.meta.image ? [api.meta.image] : []), ...Object.values(api.meta.extraImages ?? {})];

/** A fuzzed API: its names, the parameters that are always sent, and an arbitrary of valid-ish values per parameter. */
export interface FuzzApi {
  api: ApiDefinition;
  action: string;
  version: string;
  service: string;
  required: string[];
  params: Record<string, fc.Arbitrary<unknown>>;
}

/**
 * The parameters of `api` as arbitraries: the request schema's properties, image parameters (action.json
 * `image`, `extraImages`) as the fixture images and URLs. Always sent: the schema's `required`, and the
 * main image when the API needs one (no `skipWhen`, not optional), so most cases get past the image checks.
 */
export function fuzzApi(api: ApiDefinition): FuzzApi {
  const images = imageRules(api);
  const params: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(api.request.properties ?? {})) {
    if (images.some((r) => r.base64 === name)) params[name] = imageArb;
    else if (images.some((r) => r.url === name)) params[name] = urlArb;
    else params[name] = paramArb(name, schema);
  }
  const image = api.meta.image;
  const required = [...new Set([...(api.request.required ?? []), ...(image && !image.skipWhen && !image.optional && image.base64 in params ? [image.base64] : [])])];
  return { api, action: api.meta.action, version: api.meta.version, service: api.meta.service, required, params };
}

/** Every API of `provider` in the data, as fuzz APIs; `rest`: only those with (true) or without (false) an action.json `http`. */
export function fuzzApis(provider: string, o: { rest?: boolean } = {}): FuzzApi[] {
  return apis.filter((a) => a.meta.provider === provider && (o.rest === undefined || Boolean(a.meta.http) === o.rest)).map(fuzzApi);
}
