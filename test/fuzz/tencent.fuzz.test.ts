import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tc3Headers } from '../helpers/signTc3.ts';
import { fuzzApis } from './dataArbs.ts';
import {
  CLOCK_S, assertOptions, budgetMs, describe as show, expectStillHealthy, expectTencentEnvelope, formText, headerSafe, headerValue,
  jsonBody, junkText, paramsObject, rarely, send, startFuzzServer, type FuzzRequest, type FuzzServer,
} from './fuzzKit.ts';

// The Tencent Cloud API 3.0 front door at `/`, in each of its five styles, with random, malformed and
// hostile requests built as valid calls with a few mutations: every reply is the vendor's envelope
// (HTTP 200, exactly application/json, a catalog code), never a 5xx, a stack, a hang or a reset.
let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

/**
 * Every Tencent API in the data (provider tencent, no action.json `http`: the API 3.0 front door), its
 * parameters' values derived from its request schema and image rules, with the hostile values of
 * dataArbs.ts HOSTILE merged in by parameter name: a new Tencent API in schemas/ is fuzzed here as is.
 */
const ACTIONS = fuzzApis('tencent', { rest: false });
const SERVICES = [...new Set(ACTIONS.map((a) => a.service))];
const DATE = new Date(CLOCK_S * 1000).toISOString().slice(0, 10);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** An action with its parameters (valid, then mutated). */
const call = fc.constantFrom(...ACTIONS).chain((a) => paramsObject(a.params, a.required).map((params) => ({ a, params })));

/** Flattened the way the v1 and GET styles send nested values: `Encryption.EncryptList.0=Name`. */
function flatten(o: Record<string, unknown>, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]): [string, string][] => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') return flatten(v as Record<string, unknown>, key);
    return [[key, typeof v === 'string' ? v : String(v)]];
  });
}

const scenarioArb = rarely(fc.oneof(
  fc.constantFrom('FailedOperation.ImageBlur', 'warning:-9102', 'warning:-9102,warning:-9103', 'photocopy', 'blurry', 'long-term-card', 'result:-4', 'InternalError',
    'RequestLimitExceeded', 'AuthFailure.SignatureFailure', 'Mock.UnknownScenario', 'AIS.0103', 'apigw-prefix', 'FailedOperation.ImageBlur,InternalError', ',', 'warning:', 'result:'),
  junkText.map(headerSafe),
), undefined, 4);

/** The optional headers of a TC3 call, each usually absent, else valid or junk. */
const tc3Extras = fc.record({
  'X-TC-Language': rarely(fc.constantFrom('zh-CN', 'en-US', 'fr', ''), undefined, 3),
  'X-TC-Region': rarely(headerValue, undefined),
  'X-TC-Token': rarely(headerValue, undefined),
  'X-TC-RequestClient': rarely(fc.constantFrom('SDK_NODEJS_INTL_EN_3.0', 'SDK_PYTHON_3.0', 'INTL'), undefined, 4),
  'X-TC-TraceId': rarely(headerValue, undefined),
  'X-TC-Content-SHA256': rarely(fc.constantFrom('UNSIGNED-PAYLOAD', 'abc', '0'.repeat(64)), undefined, 10),
  'X-Mock-Scenario': scenarioArb,
}).map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

/** An Authorization that passes the structural checks with an unknown SecretId (lenient: no HMAC), or junk, or none. */
const tc3Auth = rarely(
  fc.oneof(fc.constantFrom('', 'TC3-HMAC-SHA256', 'Bearer x', `TC3-HMAC-SHA256 Credential=AKIDFUZZ/${DATE}/ocr/tc3_request, SignedHeaders=host, Signature=${'0'.repeat(64)}`), headerValue),
  undefined,
).chain((junk) => (junk !== undefined ? fc.constant(junk) : fc.tuple(hex64, fc.constantFrom(...SERVICES, '127')).map(([sig, svc]) => `TC3-HMAC-SHA256 Credential=AKIDFUZZ/${DATE}/${svc}/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`)));
const timestampArb = rarely(fc.constantFrom(String(CLOCK_S - 301), String(CLOCK_S + 86_400), '-1', '1e9', '', 'abc', '9'.repeat(20)), String(CLOCK_S));
const hostArb = (endpoint: string) => rarely(fc.constantFrom('ocr.intl.tencentcloudapi.com', 'ocr.tencentcloudapi.com', '', '[::1]:1', 'a'.repeat(300)), endpoint);
const junkHeader = rarely(junkText.map(headerSafe), undefined, 12);

async function check(r: FuzzRequest): Promise<void> {
  expectTencentEnvelope(await send(s.port, r), r.method);
}
const property = (arb: fc.Arbitrary<FuzzRequest>) => fc.asyncProperty(arb.map((r) => Object.assign(r, { toString: () => show(r) })), check);

describe('Tencent / fuzzed, every style', () => {
  it('fuzzes every Tencent API of the data, with an arbitrary for each parameter of its request schema', () => {
    expect(ACTIONS.length).toBeGreaterThan(0);
    for (const a of ACTIONS) expect(Object.keys(a.params).sort(), a.action).toEqual(Object.keys(a.api.request.properties ?? {}).sort());
  });

  it('TC3 JSON POST: mutated parameters (hostile keys, wrong types, huge strings), deep nesting, invalid UTF-8, junk headers', async () => {
    const arb = fc.record({
      c: call, auth: tc3Auth, ts: timestampArb, extras: tc3Extras, host: hostArb(s.endpoint), signed: fc.boolean(), action: junkHeader, version: junkHeader,
      method: rarely(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), 'POST', 10),
      contentType: rarely(fc.constantFrom('application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json;', 'application/json; boundary=x'), 'application/json', 4),
    }).chain((r) => jsonBody(fc.constant(r.c.params)).map((body) => ({ ...r, body })))
      .map(({ c: { a }, body, auth, ts, extras, host, method, contentType, signed, action, version }): FuzzRequest => {
        const base = signed && typeof body === 'string' // the well-known key, fully checked; or an unknown SecretId, structure only
          ? tc3Headers({ host, body, action: a.action, version: a.version, service: a.service, timestamp: CLOCK_S, contentType })
          : { 'Content-Type': contentType, 'X-TC-Timestamp': ts, Authorization: auth };
        return { method, path: '/', body, headers: { Host: host, ...base, 'X-TC-Action': action ?? a.action, 'X-TC-Version': version ?? a.version, ...extras } };
      });
    await fc.assert(property(arb), assertOptions(600));
  }, budgetMs(600));

  it('TC3 GET: parameters in the query, hostile keys, bad percent escapes, huge values', async () => {
    const arb = fc.record({ c: call, auth: tc3Auth, ts: timestampArb, extras: tc3Extras, host: hostArb(s.endpoint) })
      .chain((r) => formText(fc.constant(flatten(r.c.params))).map((query) => ({ ...r, query })))
      .map(({ c: { a }, query, auth, ts, extras, host }): FuzzRequest => ({
        method: 'GET', path: `/?${query}`, body: '',
        headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded', 'X-TC-Action': a.action, 'X-TC-Version': a.version, 'X-TC-Timestamp': ts, Authorization: auth || 'x', ...extras },
      }));
    await fc.assert(property(arb), assertOptions(300));
  }, budgetMs(300));

  it('TC3 multipart POST: parameters as parts (hostile names, file parts), truncated bodies, wrong boundaries', async () => {
    const arb = fc.record({
      c: call, auth: tc3Auth, extras: tc3Extras, files: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), cut: rarely(fc.nat(), undefined, 5),
      boundary: fc.constantFrom('fuzzBoundary', 'x', '----WebKitFormBoundary7MA4YWxkTrZu0gW'),
      declared: rarely(fc.constantFrom('other', 'none', 'empty', 'quoted'), 'same', 5),
    }).map(({ c: { a, params }, auth, extras, files, cut, boundary, declared }): FuzzRequest => {
      const parts = flatten(params).map(([name, value], i) => `--${boundary}\r\nContent-Disposition: form-data; name="${headerSafe(name).replace(/"/g, '')}"${files[i % 8] ? '; filename="card.jpg"\r\nContent-Type: image/jpeg' : ''}\r\n\r\n${value}\r\n`);
      const text = `${parts.join('')}--${boundary}--\r\n`;
      const body = cut === undefined ? text : text.slice(0, cut % (text.length + 1));
      const type = { same: `multipart/form-data; boundary=${boundary}`, other: 'multipart/form-data; boundary=nope', none: 'multipart/form-data', empty: 'multipart/form-data; boundary=', quoted: `multipart/form-data; boundary="${boundary}"` }[declared];
      return { method: 'POST', path: '/', body, headers: { Host: s.endpoint, 'Content-Type': type ?? '', 'X-TC-Action': a.action, 'X-TC-Version': a.version, 'X-TC-Timestamp': String(CLOCK_S), Authorization: auth, ...extras } };
    });
    await fc.assert(property(arb), assertOptions(300));
  }, budgetMs(300));

  /** v1: the action's parameters flattened beside the common ones, each common one usually valid, else junk or missing. */
  const v1Pairs = fc.record({
    c: call,
    common: fc.record({
      Timestamp: timestampArb, Nonce: rarely(fc.constantFrom('1', 'abc', '-1', '', '9'.repeat(30)), '4932210907308301788'),
      SecretId: rarely(fc.constantFrom('AKIDMOCKEXAMPLE000000000000000000000', ''), 'AKIDFUZZ'), SignatureMethod: rarely(fc.constantFrom('HmacSHA1', 'MD5', ''), 'HmacSHA256', 4),
      Signature: rarely(fc.constantFrom('', '=='), 'abc='), Region: rarely(junkText, 'ap-guangzhou'), Language: rarely(fc.constantFrom('zh-CN', 'xx'), 'en-US'),
      RequestClient: rarely(fc.constantFrom('SDK_NODEJS_INTL_EN_3.0', 'INTL', ''), 'SDK_PYTHON_3.0'),
    }),
    drop: rarely(fc.constantFrom('Action', 'Version', 'Timestamp', 'Nonce', 'SecretId', 'Signature'), undefined),
  }).map(({ c: { a, params }, common, drop }): [string, string][] => [
    ['Action', a.action], ['Version', a.version], ...Object.entries(common), ...flatten(params),
  ].filter(([k]) => k !== drop) as [string, string][]);

  it('v1 form POST: mutated parameters and junk common parameters, hostile and repeated keys, bad escapes', async () => {
    const arb = fc.record({ form: formText(v1Pairs), scenario: scenarioArb, type: rarely(fc.constant('application/x-www-form-urlencoded; charset=utf-8'), 'application/x-www-form-urlencoded', 4) })
      .map(({ form, scenario, type }): FuzzRequest => ({ method: 'POST', path: '/', body: form, headers: { Host: s.endpoint, 'Content-Type': type, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } }));
    await fc.assert(property(arb), assertOptions(300));
  }, budgetMs(300));

  it('v1 GET: the same in the query', async () => {
    const arb = fc.record({ query: formText(v1Pairs), scenario: scenarioArb })
      .map(({ query, scenario }): FuzzRequest => ({ method: 'GET', path: `/?${query}`, body: '', headers: { Host: s.endpoint, ...(scenario ? { 'X-Mock-Scenario': scenario } : {}) } }));
    await fc.assert(property(arb), assertOptions(300));
  }, budgetMs(300));

  it('other methods and content types at /', async () => {
    const arb = fc.record({
      method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'POST', 'GET', 'PROPFIND', 'MKCOL'),
      type: fc.oneof(fc.constantFrom('text/plain', 'application/xml', '', 'multipart/mixed', 'application/json-seq', '*/*'), headerValue),
      body: fc.oneof(jsonBody(call.map((c) => c.params)), junkText),
    }).map(({ method, type, body }): FuzzRequest => ({ method, path: '/', body, headers: { Host: s.endpoint, 'Content-Type': type } }));
    await fc.assert(property(arb), assertOptions(200));
  }, budgetMs(200));
});
