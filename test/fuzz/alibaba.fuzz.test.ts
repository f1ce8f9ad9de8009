import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNERS, type KeyPair } from '../helpers/signedCall.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import {
  CLOCK, assertOptions, budgetMs, describe as show, expectAlibabaEnvelope, expectStillHealthy, expectTencentEnvelope, headerSafe, headerValue, jsonBody,
  junkText, paramsObject, rarely, send, startFuzzServer, type FuzzRequest, type FuzzServer,
} from './fuzzKit.ts';
import { data, fuzzApis } from './dataArbs.ts';

// The Alibaba OpenAPI RPC front door (`POST /` named by x-acs-action and x-acs-version, ACS3-HMAC-SHA256)
// over every Alibaba API of the data, with random, malformed and hostile requests built as valid calls
// with a few mutations: every reply is Alibaba's envelope (JSON with RequestId; HostId, Code and Message
// on a gateway error; a code of the catalogs with its status), never an undocumented 5xx, a stack or a hang.
let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

const APIS = fuzzApis('alibaba');
const call = fc.constantFrom(...APIS).chain((a) => paramsObject(a.params, a.required).map((params) => ({ a, params })));

const scenarioArb = rarely(fc.oneof(
  fc.constantFrom('InternalError', 'ServiceUnavailable', 'Throttling.User', 'SignatureDoesNotMatch', '401', '500', 'illegalImageSize', 'unmatchedImageType', 'photocopy',
    'warning:copy', 'result:-4', 'Mock.UnknownScenario', 'AIS.0103', ',', 'warning:', 'result:'),
  junkText.map(headerSafe),
), undefined, 5);

/** How the call is signed: the well-known pair (fully checked), an unknown AccessKeyId (lenient: structure only), a wrong secret, a replayed nonce. */
type Auth = 'well-known' | 'unknown' | 'wrong-secret' | 'replay' | 'junk' | 'none';
const authKind = fc.constantFrom<Auth>('well-known', 'well-known', 'well-known', 'unknown', 'unknown', 'wrong-secret', 'replay', 'junk', 'none');
const WELL: KeyPair = { id: WELL_KNOWN.alibaba.accessKeyId, secret: WELL_KNOWN.alibaba.accessKeySecret };
const PAIRS: Record<Auth, KeyPair> = { 'well-known': WELL, unknown: { id: 'LTAIFUZZ', secret: 'fuzz' }, 'wrong-secret': { id: WELL.id, secret: 'not-the-secret' }, replay: WELL, junk: WELL, none: WELL };

/** Headers replaced after signing, each usually left alone. */
const overrides = fc.record({
  'x-acs-action': rarely(fc.oneof(fc.constantFrom('', 'DescribeRegions', 'recognizeidcard', '__proto__'), headerValue), undefined, 12),
  'x-acs-version': rarely(fc.oneof(fc.constantFrom('', '2019-03-07', '2021-07-07', '1.0'), headerValue), undefined, 12),
  'x-acs-date': rarely(fc.constantFrom('', 'x', '2020-01-01T00:00:00Z', '2026-03-01T08:00:00', '2026-03-01 08:00:00Z', '2026-03-01T09:00:00Z'), undefined, 12),
  'x-acs-signature-nonce': rarely(fc.constantFrom('', ' '), undefined, 20),
  'x-acs-content-sha256': rarely(fc.constantFrom('', 'UNSIGNED-PAYLOAD', '0'.repeat(64)), undefined, 20),
  'content-type': rarely(fc.oneof(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', ''), headerValue), undefined, 10),
  'x-acs-security-token': rarely(headerValue, undefined, 20),
}).map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

/** Whether the request is Alibaba's by provider.json `match` (its headers; an empty x-acs-action is a bare `POST /`, Tencent's). */
const MATCH = Object.entries(data.providers.alibaba!.match.headers ?? {}).map(([name, re]) => [name, new RegExp(re)] as const);
const isAlibaba = (r: FuzzRequest): boolean => MATCH.every(([name, re]) => re.test(Object.entries(r.headers).find(([k]) => k.toLowerCase() === name)?.[1]?.trim() ?? ''));

/**
 * A head past the HTTP parser's limit (1 MB, src/server.ts) is refused before its headers are read, and
 * answered by the door of its path alone (src/protocolErrors.ts): `/`, Tencent's. Near the limit, either.
 */
const HEAD_LIMIT = 1024 * 1024;
const headBytes = (r: FuzzRequest): number => Buffer.byteLength(`${r.method} ${r.path} HTTP/1.1\r\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);

const property = (arb: fc.Arbitrary<FuzzRequest>) => fc.asyncProperty(arb.map((r) => Object.assign(r, { toString: () => show(r) })), async (r) => {
  const reply = await send(s.port, r);
  const size = headBytes(r);
  if (!isAlibaba(r) || size > HEAD_LIMIT + 4096) return expectTencentEnvelope(reply, r.method);
  if (size < HEAD_LIMIT - 4096) return expectAlibabaEnvelope(reply, r.method);
  try { expectAlibabaEnvelope(reply, r.method); } catch { expectTencentEnvelope(reply, r.method); }
});

describe('Alibaba front door fuzzed', () => {
  it('fuzzes every Alibaba API of the data', () => {
    expect(APIS.length).toBeGreaterThan(0);
    for (const a of APIS) expect(Object.keys(a.params).sort(), a.action).toEqual(Object.keys(a.api.request.properties ?? {}).sort());
  });

  it('RPC POST /: mutated parameters (query, form or raw body), every kind of credential, junk x-acs headers, scenarios', async () => {
    const arb = fc.record({
      c: call, auth: authKind, junk: headerValue, extra: overrides, scenario: scenarioArb,
      method: rarely(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), 'POST', 12),
      cut: rarely(fc.nat(), undefined, 12), query: rarely(fc.constantFrom('&', '%', '%ZZ', '__proto__[x]=1', 'a=%E0%A4%A', 'Url=x&Url=y'), undefined, 12),
    }).map(({ c: { a, params }, auth, junk, extra, scenario, method, cut, query }): FuzzRequest => {
      const signed = SIGNERS.alibaba!(a.api, params, { host: s.endpoint, nowMs: CLOCK, pair: PAIRS[auth], ...(auth === 'replay' ? { nonce: 'fuzz-replayed-nonce' } : {}) });
      const headers: Record<string, string> = { ...signed.headers, ...extra, ...(scenario !== undefined ? { 'X-Mock-Scenario': scenario } : {}) };
      if (auth === 'junk') headers.Authorization = junk;
      if (auth === 'none') delete headers.Authorization;
      const body = cut === undefined ? signed.body : signed.body.slice(0, cut % (signed.body.length + 1));
      const path = query === undefined ? signed.path : `${signed.path}${signed.path.includes('?') ? '&' : '?'}${query}`;
      return { method, path, headers, body };
    });
    await fc.assert(property(arb), assertOptions(400));
  }, budgetMs(400));

  it('any body of any type at /, named by x-acs-action, unsigned or junk-signed', async () => {
    const arb = fc.record({
      a: fc.constantFrom(...APIS), method: rarely(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND'), 'POST', 4),
      type: fc.oneof(fc.constantFrom('application/octet-stream', 'application/json', 'application/x-www-form-urlencoded', 'text/plain', ''), headerValue),
      body: fc.oneof(jsonBody(call.map((c) => c.params)), junkText), auth: rarely(headerValue, undefined, 2),
    }).map(({ a, method, type, body, auth }): FuzzRequest => ({
      method, path: '/', body, headers: { Host: s.endpoint, 'Content-Type': type, 'x-acs-action': a.action, 'x-acs-version': a.version, ...(auth !== undefined ? { Authorization: auth } : {}) },
    }));
    await fc.assert(property(arb), assertOptions(200));
  }, budgetMs(200));
});
