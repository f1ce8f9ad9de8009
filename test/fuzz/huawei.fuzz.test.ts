import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AK, PROJECT_ID, sdkDate, signRequest } from '../helpers/huaweiSign.ts';
import { fuzzApis } from './dataArbs.ts';
import {
  CLOCK, assertOptions, budgetMs, describe as show, expectHuaweiEnvelope, expectStillHealthy, formText, headerSafe, headerValue, jsonBody, jsonish,
  junkText, paramsObject, percent, rarely, send, startFuzzServer, type FuzzRequest, type FuzzServer,
} from './fuzzKit.ts';

// The Huawei front door (OCR RecognizeIdCard, IAM tokens and projects, every other /v1-3/ path) with
// random, malformed and hostile requests built as valid calls with a few mutations: every reply is
// one of Huawei's three error shapes with its catalog status, or a success.
let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

/** Every Huawei REST API of the data that reads an image (action.json `image`: the OCR APIs), its parameters derived from its request schema. */
const OCR_APIS = fuzzApis('huawei', { rest: true }).filter((a) => a.api.meta.image);
const scenarioArb = rarely(fc.oneof(
  fc.constantFrom('AIS.0103', 'AIS.0104', 'photocopy', 'reproduced', 'border-incomplete', 'expired-card', 'long-term-card', 'apigw-prefix', 'apigw-prefix,APIG.0308',
    'APIG.0601', 'ModelArts.4402', 'ModelArts.4105', 'IAM.401', 'RequestLimitExceeded', 'Mock.UnknownScenario', ',', 'photocopy,AIS.0103'),
  junkText.map(headerSafe),
), undefined, 5);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

type Auth = 'token' | 'aksk-unknown' | 'aksk-signed' | 'junk' | 'none';
const authKind = fc.constantFrom<Auth>('token', 'token', 'aksk-unknown', 'aksk-unknown', 'aksk-signed', 'aksk-signed', 'junk', 'none');

/** Headers for one of the ways to call: an IAM token, AK/SK (an unknown AK: structure only; the well-known one: signed), junk, nothing. */
function authHeaders(kind: Auth, r: FuzzRequest, sig: string, junk: string, dateJunk: string | undefined): Record<string, string> {
  const date = dateJunk ?? sdkDate(CLOCK);
  switch (kind) {
    case 'token': return { 'X-Auth-Token': `MII${sig.slice(0, 40)}` };
    case 'aksk-unknown': return { 'X-Sdk-Date': date, Authorization: `SDK-HMAC-SHA256 Access=FUZZAK, SignedHeaders=content-type;host;x-sdk-date, Signature=${sig}` };
    case 'aksk-signed': {
      const headers = { 'Content-Type': r.headers['Content-Type'] ?? 'application/json', Host: r.headers.Host!, 'X-Sdk-Date': date };
      const [path, query] = r.path.split('?');
      try {
        return { ...headers, Authorization: signRequest({ method: r.method, path: path!, query: Object.fromEntries(new URLSearchParams(query ?? '')), headers, body: r.body, ak: AK }) };
      } catch { // a path the signer cannot decode: sent with a well-formed signature that cannot match
        return { ...headers, Authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${sig}` };
      }
    }
    case 'junk': return { Authorization: junk, 'X-Auth-Token': junk };
    case 'none': return {};
  }
}

const authed = fc.record({ kind: authKind, sig: hex64, junk: headerValue, dateJunk: rarely(fc.constantFrom('20200101T000000Z', 'x', ''), undefined) });
const withAuth = (arb: fc.Arbitrary<FuzzRequest & { scenario?: string }>) => fc.tuple(arb, authed).map(([r, a]): FuzzRequest & { scenario?: string } => {
  const scenario: Record<string, string> = r.scenario ? { 'X-Mock-Scenario': r.scenario } : {};
  return { ...r, headers: { ...r.headers, ...authHeaders(a.kind, r, a.sig, a.junk, a.dateJunk), ...scenario } };
});

function property(arb: fc.Arbitrary<FuzzRequest & { scenario?: string }>) {
  return fc.asyncProperty(arb.map((r) => {
    const sent = r.scenario ? { ...r, headers: { ...r.headers, 'X-Mock-Scenario': r.scenario } } : r;
    return Object.assign(sent, { toString: () => show(sent) });
  }), async (r) => {
    expectHuaweiEnvelope(await send(s.port, r), r.method, r.scenario !== undefined);
  });
}

const projectArb = rarely(fc.oneof(fc.constantFrom('%7Bproject_id%7D', '{project_id}', '__proto__', 'constructor', '%E0%A4%A', '%', 'a%2Fb', 'x'.repeat(5000)), junkText.map((t) => percent(t))), PROJECT_ID);

describe('Huawei front door fuzzed', () => {
  it('fuzzes every Huawei OCR API of the data', () => {
    expect(OCR_APIS.length).toBeGreaterThan(0);
    for (const a of OCR_APIS) expect(Object.keys(a.params).sort(), a.action).toEqual(Object.keys(a.api.request.properties ?? {}).sort());
  });

  it('OCR APIs (id-card): mutated parameters, hostile JSON, junk project ids, every kind of credential', async () => {
    const arb = fc.record({
      c: fc.constantFrom(...OCR_APIS).chain((a) => jsonBody(paramsObject(a.params, a.required)).map((body) => ({ a, body }))), project: projectArb, scenario: scenarioArb,
      slash: rarely(fc.constant('/'), ''), query: rarely(formText(fc.array(fc.tuple(junkText, junkText), { maxLength: 2 })).map((q) => `?${q}`), ''),
      method: rarely(fc.constantFrom('GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'), undefined, 12),
      projectHeader: rarely(fc.constantFrom('other', 'none', 'junk'), 'same', 6), junk: headerValue,
      type: rarely(fc.constantFrom('application/json;charset=utf-8', 'text/plain', '', 'application/x-www-form-urlencoded'), 'application/json', 6),
    }).map(({ c: { a, body }, project, scenario, slash, query, method, projectHeader, junk, type }): FuzzRequest & { scenario?: string } => {
      const header = { same: project.startsWith('%') ? undefined : project, other: 'ffffffffffffffffffffffffffffffff', none: undefined, junk }[projectHeader];
      return {
        method: method ?? a.api.meta.http!.method, path: `${a.api.meta.http!.path.replace('{project_id}', project)}${slash}${query}`, body, scenario,
        headers: { Host: s.endpoint, 'Content-Type': type, ...(header !== undefined ? { 'X-Project-Id': header } : {}) },
      };
    });
    await fc.assert(property(withAuth(arb)), assertOptions(600));
  }, budgetMs(600));

  /** `usual`, or once in eight any JSON value in its place. */
  const orJunk = <T,>(usual: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 7, arbitrary: usual }, { weight: 1, arbitrary: jsonish });
  const user = fc.record({ name: orJunk(fc.constantFrom('mock-user', 'someone')), password: orJunk(fc.constantFrom('MockPassword0000', 'x', '')), domain: orJunk(fc.record({ name: orJunk(fc.constant('acct')) })) });
  const identity = fc.record({ methods: orJunk(fc.constant(['password'])), password: orJunk(fc.record({ user: orJunk(user) })) });
  const scope = fc.oneof(fc.record({ project: orJunk(fc.record({ name: orJunk(fc.constantFrom('cn-north-4', 'ap-southeast-1')) })) }), fc.record({ project: fc.record({ id: fc.constant(PROJECT_ID) }) }), fc.record({ domain: fc.record({ name: fc.constant('acct') }) }));
  const auth = fc.record({ identity: orJunk(identity), scope: orJunk(scope) }, { requiredKeys: ['identity'] });
  const tokenParams = paramsObject({ auth: orJunk(auth) }, ['auth']);

  it('IAM POST /v3/auth/tokens: mutated password identities and scopes, hostile JSON', async () => {
    const arb = fc.record({
      body: jsonBody(tokenParams), query: rarely(fc.constantFrom('?nocatalog=true', '?nocatalog=__proto__', '?%', '?a=%E0%A4%A'), ''),
      method: rarely(fc.constantFrom('GET', 'PUT', 'DELETE'), 'POST', 12), scenario: scenarioArb,
    }).map(({ body, query, method, scenario }): FuzzRequest & { scenario?: string } => ({ method, path: `/v3/auth/tokens${query}`, body, scenario, headers: { Host: s.endpoint, 'Content-Type': 'application/json' } }));
    await fc.assert(property(arb), assertOptions(300));
  }, budgetMs(300));

  it('IAM GET /v3/projects: junk names and queries, every kind of credential', async () => {
    const arb = fc.record({
      query: rarely(formText(fc.array(fc.tuple(fc.constantFrom('name', '__proto__', 'constructor', 'name[]'), junkText), { maxLength: 3 })), 'name=cn-north-4', 2),
      method: rarely(fc.constantFrom('POST', 'PUT', 'DELETE'), 'GET', 12), scenario: scenarioArb,
    }).map(({ query, method, scenario }): FuzzRequest & { scenario?: string } => ({ method, path: `/v3/projects?${query}`, body: '', scenario, headers: { Host: s.endpoint, 'Content-Type': 'application/json' } }));
    await fc.assert(property(withAuth(arb)), assertOptions(300));
  }, budgetMs(300));

  it('other paths under /v1, /v2, /v3: APIG.0101', async () => {
    const arb = fc.record({
      version: fc.constantFrom('v1', 'v2', 'v3'), rest: fc.oneof(fc.constantFrom('x/ocr/bank-card', 'auth/tokens/extra', '', '%', '__proto__', '..%2F__mock%2Fhealth', 'projects/x'), junkText.map((t) => percent(t))),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), body: fc.oneof(fc.constant(''), junkText),
    }).map(({ version, rest, method, body }): FuzzRequest => ({ method, path: `/${version}/${rest}`, body, headers: { Host: s.endpoint, 'Content-Type': 'application/json' } }));
    await fc.assert(property(arb), assertOptions(200));
  }, budgetMs(200));
});
