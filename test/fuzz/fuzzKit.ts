import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, vi, type MockInstance } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { head, rawExchange, type RawReply } from '../helpers/rawHttp.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { packageRoot } from '../../src/config.ts';

/** The emulator's clock in the fuzz servers: requests are timed against it, never against the wall clock. */
export const CLOCK = Date.parse('2026-03-01T08:00:00Z');
export const CLOCK_S = Math.floor(CLOCK / 1000);

/** `FUZZ_RUNS=N` runs N cases per property instead of the CI default. */
export const runs = (ciDefault: number): number => (process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : ciDefault);

/** The seed CI runs with, so that every run tries the same cases and a failure is the code's, not the draw's. */
export const PINNED_SEED = 20260301;
/**
 * fast-check's seed: PINNED_SEED, `FUZZ_SEED=random` a new one each run (to explore), `FUZZ_SEED=N` a
 * given one (to replay). fast-check names the seed and the path of a failure in its message.
 */
export function fuzzSeed(value = process.env.FUZZ_SEED): number {
  if (value === undefined || value === '') return PINNED_SEED;
  if (value === 'random') return Math.floor(Math.random() * 0x7fffffff) ^ Date.now();
  if (/^-?\d+$/.test(value)) return Number(value);
  throw new Error(`FUZZ_SEED=${value}: expected an integer seed (as a failure prints it) or "random"`);
}
const SEED = fuzzSeed();
if (process.env.FUZZ_SEED === 'random') console.log(`fuzz: FUZZ_SEED=random drew seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);

export const assertOptions = (ciDefault: number): fc.Parameters<unknown> => ({ numRuns: runs(ciDefault), seed: SEED });
/** A test's time budget: generous per case, so only a hung socket (caught per case, 5 s) can fail it by time. */
export const budgetMs = (ciDefault: number): number => 20_000 + runs(ciDefault) * 100;

// ---------------------------------------------------------------------------------------------- catalogs

function catalogFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('errors.json')).map((f) => join(dir, f));
}

/** Code → the HTTP statuses the catalog allows for it (its own, its variants'), for one provider plus the emulator's Mock.* codes. */
function loadCatalog(provider: string): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const file of [...catalogFiles(join(packageRoot, 'schemas', provider)), join(packageRoot, 'schemas/mock/errors.json')]) {
    const { errors } = JSON.parse(readFileSync(file, 'utf8')) as { errors: Record<string, { status?: number; variants?: Record<string, { status?: number }> }> };
    for (const [code, e] of Object.entries(errors)) {
      const statuses = out.get(code) ?? new Set<number>();
      statuses.add(e.status ?? 400);
      for (const v of Object.values(e.variants ?? {})) if (v.status) statuses.add(v.status);
      out.set(code, statuses);
    }
  }
  return out;
}

export const TENCENT_CODES = loadCatalog('tencent');
export const HUAWEI_CODES = loadCatalog('huawei');
export const ALIBABA_CODES = loadCatalog('alibaba');

// ------------------------------------------------------------------------------------------- the server

export interface FuzzServer extends TestServer {
  /** console.error, which the emulator calls only for an internal error (with its stack). */
  errors: MockInstance;
  prototypeNames: string[];
}

/** The emulator in-process with its clock fixed at CLOCK, with console.error watched. */
export async function startFuzzServer(): Promise<FuzzServer> {
  const server = await startServer({ now: () => CLOCK, rateLimit: false });
  return { ...server, errors: vi.spyOn(console, 'error'), prototypeNames: prototypeNames() };
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype] as Record<string, unknown>[];
const prototypeNames = (): string[] => PROTOTYPES.flatMap((p) => Object.getOwnPropertyNames(p)).sort();
const BASELINE = PROTOTYPES.map((p) => new Set(Object.getOwnPropertyNames(p)));

/**
 * After every case: no prototype gained a property. What a case added is removed before failing, so
 * that fast-check shrinks to the request that did it rather than to any request after it.
 */
export function expectNoPollution(): void {
  const added = PROTOTYPES.flatMap((p, i) => Object.getOwnPropertyNames(p).filter((n) => !BASELINE[i]!.has(n)).map((n) => [p, n] as const));
  for (const [p, n] of added) delete p[n];
  expect(added.map(([, n]) => n), 'a prototype gained properties').toEqual([]);
}

/**
 * After a fuzz run: nothing was logged as an internal error, no prototype gained a property, and an
 * ordinary signed IDCardOCR call still succeeds.
 */
export async function expectStillHealthy(s: FuzzServer): Promise<void> {
  printOutcomes();
  expect(s.errors).not.toHaveBeenCalled();
  expect(prototypeNames()).toEqual(s.prototypeNames);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  const body = JSON.stringify({ ImageBase64: CARD_IMAGE });
  const headers = tc3Headers({ host: s.endpoint, body, timestamp: CLOCK_S });
  const reply = await send(s.port, { method: 'POST', path: '/', headers: { Host: s.endpoint, ...headers }, body });
  expect(JSON.parse(reply.body.toString('utf8')).Response.IdNum).toMatch(/^\d{17}[\dX]$/);
}

// -------------------------------------------------------------------------------------------- requests

export interface FuzzRequest { method: string; path: string; headers: Record<string, string>; body: string | Buffer }

/** One request over a fresh socket, Content-Length set from the body unless the headers name one; 5 s or it is a hung socket. */
export function send(port: number, r: FuzzRequest, o: { writeBeforeRead?: boolean } = {}): Promise<RawReply> {
  const body = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
  const hasLength = Object.keys(r.headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k));
  const headers = hasLength || (r.method === 'GET' && body.length === 0) ? r.headers : { ...r.headers, 'Content-Length': String(body.length) };
  return rawExchange(port, [head(r.method, r.path, headers), body], { timeoutMs: 5000, head: r.method === 'HEAD', ...o });
}

/** Shown by fast-check with a failing case, so the reproduction reads as the request that was sent. */
export function describe(r: FuzzRequest): string {
  const cut = (t: string): string => (t.length > 300 ? `${t.slice(0, 300)}… (${t.length} chars)` : t);
  const body = typeof r.body === 'string' ? r.body : r.body.toString('latin1');
  return `${r.method} ${cut(r.path)}\n${Object.entries(r.headers).map(([k, v]) => `${k}: ${cut(v)}`).join('\n')}\n\n${cut(body)}`;
}

// ------------------------------------------------------------------------------------------ the checks

const outcomes = new Map<string, number>();
/** `FUZZ_STATS=1`: how often each outcome came back, printed at the end of a file, to see how deep the cases go. */
export function countOutcome(outcome: string): void {
  if (process.env.FUZZ_STATS) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}
export function printOutcomes(): void {
  if (process.env.FUZZ_STATS) console.log('\n' + [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${String(n).padStart(6)}  ${k}`).join('\n'));
}

const STACK = /\n\s+at |node_modules|\.ts:\d+|\/src\/|Error: /;

function json(reply: RawReply): Record<string, unknown> {
  const text = reply.body.toString('utf8');
  expect(text, 'a stack trace or a source path in the reply').not.toMatch(STACK);
  const value = JSON.parse(text) as unknown;
  expect(typeof value === 'object' && value !== null && !Array.isArray(value), text).toBe(true);
  return value as Record<string, unknown>;
}

/** A 5xx is allowed only where the client named a scenario (X-Mock-Scenario: APIG.0601 asks for a 500). */
function noBrokenConnection(reply: RawReply, scenarioAsked = false): void {
  expectNoPollution();
  expect(reply.error, 'the connection broke instead of answering').toBeUndefined();
  if (!scenarioAsked) expect(reply.status, 'a 5xx').toBeLessThan(500);
}

/** Tencent: HTTP 200, exactly application/json, `{"Response":{…,"RequestId"}}`, an Error's Code in the catalog. */
export function expectTencentEnvelope(reply: RawReply, method = 'POST'): void {
  noBrokenConnection(reply);
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('application/json');
  if (method === 'HEAD') return;
  const { Response } = json(reply) as { Response: { Error?: { Code: unknown; Message: unknown }; RequestId: unknown } };
  countOutcome(`tencent ${String(Response.Error?.Code ?? "success")} ${String(Response.Error?.Message ?? "").slice(0, 60)}`);
  expect(Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  if (Response.Error) {
    expect(TENCENT_CODES.has(String(Response.Error.Code)), `unknown code ${String(Response.Error.Code)}`).toBe(true);
    expect(typeof Response.Error.Message === 'string' && Response.Error.Message.length > 0).toBe(true);
  }
}

/**
 * Huawei (OCR and IAM): JSON with X-Request-Id; a success (200 OCR `result`, 201 token, 200 projects),
 * or an error in one of the three shapes with the status its catalog entry gives.
 */
export function expectHuaweiEnvelope(reply: RawReply, method = 'POST', scenarioAsked = false): void {
  noBrokenConnection(reply, scenarioAsked);
  expect(reply.headers['content-type']).toBe('application/json');
  expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  if (method === 'HEAD') return;
  const body = json(reply);
  countOutcome(`huawei ${reply.status} ${String(body.error_code ?? (body.error ? 'IAM' : 'success'))}`);
  if (reply.status === 200 || reply.status === 201) {
    expect(body.result ?? body.token ?? body.projects, JSON.stringify(body).slice(0, 300)).toBeDefined();
    return;
  }
  if (body.error) {
    const e = body.error as { code: unknown; message: unknown; title: unknown };
    expect(e.code).toBe(reply.status);
    expect(HUAWEI_CODES.get(`IAM.${reply.status}`)?.has(reply.status), `IAM.${reply.status}`).toBe(true);
    expect(typeof e.message).toBe('string');
    expect(typeof e.title).toBe('string');
    return;
  }
  const code = String(body.error_code).replace(/^APIGW\./, 'APIG.');
  expect(HUAWEI_CODES.get(code)?.has(reply.status), `${code} answered with ${reply.status}`).toBe(true);
  expect(typeof body.error_msg).toBe('string');
  if (code.startsWith('APIG.')) expect(body.request_id).toBe(reply.headers['x-request-id']);
}

/**
 * Alibaba: exactly application/json, `{RequestId (upper-case UUID), …}`. A success is HTTP 200 with no
 * Code or the business success "200"; a business code (cloudauth) is HTTP 200 with a catalog code of
 * status 200; any other error is the gateway's `{RequestId, HostId, Code, Message, Recommend}` with the
 * HTTP status its catalog entry gives. A 5xx is allowed only as a catalog code of that status
 * (InternalError for a body past the read limit, a scenario's ServiceUnavailable).
 */
export function expectAlibabaEnvelope(reply: RawReply, method = 'POST'): void {
  expectNoPollution();
  expect(reply.error, 'the connection broke instead of answering').toBeUndefined();
  expect(reply.headers['content-type']).toBe('application/json');
  if (method === 'HEAD') return;
  const body = json(reply);
  countOutcome(`alibaba ${reply.status} ${String(body.Code ?? 'success')} ${String(body.Message ?? '').slice(0, 60)}`);
  expect(body.RequestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  if (reply.status === 200 && (body.Code === undefined || body.Code === '200')) return;
  const code = String(body.Code);
  expect(ALIBABA_CODES.get(code)?.has(reply.status), `${code} answered with ${reply.status}`).toBe(true);
  expect(typeof body.Message === 'string' && body.Message.length > 0).toBe(true);
  if (reply.status !== 200) {
    expect(typeof body.HostId, 'HostId').toBe('string');
    expect(typeof body.Recommend, 'Recommend').toBe('string');
  }
}

// --------------------------------------------------------------------------------------- arbitraries

export const CARD_IMAGE = makeCardImage({ seed: 'fuzz', width: 200, height: 126 }).toString('base64');
const PNG_IMAGE = makeCardImage({ format: 'png', seed: 'fuzz', width: 120, height: 80 }).toString('base64');
const GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** Keys that have broken JavaScript servers: prototype pollution, getters, Express's own fields. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'then', 'length', ''];

export const hugeString = fc.constantFrom('A'.repeat(300_000), '字'.repeat(100_000), '\\u0000'.repeat(10_000), `data:image/png;base64,${'/'.repeat(200_001)}`);

/** A short text that is often hostile: empty, control characters, non-BMP, prototype keys, numbers as text. */
export const junkText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS, '0', '-1', '1e309', 'NaN', 'null', 'true', '{}', '[]', '%', '%ZZ', '%C0%AF', '%FF', '\u0000', '\uD800', '😀', 'FRONT', 'BACK', ' ') },
);

/** Any value a JSON body may carry, wrong types and hostile shapes included. */
export const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: junkText },
  { weight: 3, arbitrary: fc.constantFrom(CARD_IMAGE, PNG_IMAGE, GIF, `data:image/jpeg;base64,${CARD_IMAGE}`, 'AAAA', 'A', '====', 'not base64!', 'http://127.0.0.1:1/x.jpg', 'https://example.com/a.png') },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -0, 2 ** 53 + 1, 0.5, true, false, null, [], {}) },
);

/** `arb` once in `oneIn` cases, else `usual`: most cases stay valid enough to reach deep into the emulator. */
export const rarely = <T, U>(arb: fc.Arbitrary<T>, usual: U, oneIn = 8): fc.Arbitrary<T | U> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: arb });

/** Sets `key` as an own enumerable property, `__proto__` included (as JSON.parse and a form parser would make it). */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
}

/**
 * An API's parameters: a valid set (`valid`: name → arbitrary of valid values, `required` always
 * there) with up to three mutations: a parameter set to any value of any type, an unknown or hostile
 * key added, a parameter dropped.
 */
export function paramsObject(valid: Record<string, fc.Arbitrary<unknown>>, required: readonly string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid).length ? Object.keys(valid) : ['x']; // an API without parameters: mutations only
  const base = fc.record(valid, { requiredKeys: required as string[] });
  const key = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
  const mutation = fc.oneof(fc.tuple(fc.constant('set' as const), key, jsonish), fc.tuple(fc.constant('drop' as const), fc.constantFrom(...keys), fc.constant(undefined)));
  return fc.tuple(base, fc.array(mutation, { maxLength: 3 })).map(([b, ms]) => {
    const o: Record<string, unknown> = { ...b };
    for (const [op, k, v] of ms) {
      if (op === 'drop') delete o[k];
      else setOwn(o, k, v);
    }
    return o;
  });
}

/** A JSON body as text: mostly parameters (see paramsObject), else prototype-pollution attempts, other JSON values, deep nesting, truncated JSON, invalid UTF-8. */
export function jsonBody(params: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    { weight: 12, arbitrary: params.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.tuple(params, fc.constantFrom('{"polluted":1}', '{"constructor":{"prototype":{"polluted":1}}}', '{"toString":1,"valueOf":null}'))
      .map(([o, evil]) => JSON.stringify(o).replace(/^\{/, `{"__proto__":${evil},`).replace(/,\}$/, '}')) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('[', '{"a":', '{"ImageBase64":', '{"image":')).map(([d, open]) => `${open.repeat(d)}1${(open === '[' ? ']' : '}').repeat(d)}`) },
    { weight: 1, arbitrary: fc.tuple(params, fc.nat()).map(([o, cut]) => { const t = JSON.stringify(o); return t.slice(0, cut % (t.length + 1)); }) },
    { weight: 1, arbitrary: fc.tuple(params, fc.uint8Array({ minLength: 1, maxLength: 8 }), fc.nat()).map(([o, bytes, at]) => {
      const t = Buffer.from(JSON.stringify(o));
      const i = at % (t.length + 1);
      return Buffer.concat([t.subarray(0, i), Buffer.from(bytes.map((b) => b | 0x80)), t.subarray(i)]);
    }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '[]', '"x"', '1', '\uFEFF{}') },
  );
}

/** Parameters as text pairs, for forms, queries and multipart: objects and arrays as JSON, everything else as its text. */
export const asPairs = (o: Record<string, unknown>): [string, string][] =>
  Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)]);

/** The fixture images, valid and not: a JPEG card, a PNG, a GIF, a data URL, bad base64. */
export const imageArb = fc.constantFrom(CARD_IMAGE, CARD_IMAGE, PNG_IMAGE, `data:image/jpeg;base64,${CARD_IMAGE}`, GIF, 'AAAA', 'not base64!');

/** Percent-encodes `s` as UTF-8 (a lone surrogate becomes U+FFFD); `raw` keeps printable ASCII (`&`, `=`, `%`, `+`, `[`) as it is. */
export const percent = (s: string, raw = false): string => {
  const text = (s as string & { toWellFormed(): string }).toWellFormed();
  return raw ? text.replace(/[^!-~]+/g, encodeURIComponent) : encodeURIComponent(text);
};

/** `k=v&…` with hostile keys and encodings (bad percent escapes, invalid UTF-8 escapes, `a[b]=c`, repeated keys). */
export function formText(pairs: fc.Arbitrary<[string, string][]>): fc.Arbitrary<string> {
  const enc = fc.oneof(
    { weight: 8, arbitrary: fc.constant((s: string) => percent(s)) },
    { weight: 1, arbitrary: fc.constant((s: string) => percent(s, true)) },
    { weight: 1, arbitrary: fc.constant((s: string) => `${percent(s)}%`) },
  );
  const extra = rarely(fc.constantFrom('&', '&&', '&=', '&a', '&__proto__[polluted]=1', '&constructor[prototype][polluted]=1', '&__proto__.polluted=1', '&a[b][c]=d', '&%E0%A4%A=1', '&x=%C0%AF', '&=&='), '', 3);
  return fc.tuple(pairs, enc, extra).map(([ps, e, x]) => ps.map(([k, v]) => `${e(k)}=${e(v)}`).join('&') + x);
}

export const methodArb = fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 2, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'SEARCH', 'PURGE') });
/** What an HTTP client lets through in a header value: no control characters (those are for the wire-level suite), UTF-8 bytes allowed. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
export const headerSafe = (t: string): string => t.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '').trim();
/** Header values a client library may send. */
export const headerValue = fc.oneof(junkText.map(headerSafe), fc.constantFrom(...HOSTILE_KEYS.filter(Boolean), 'zh-CN', 'en-US', 'application/json', 'x'.repeat(4000)));
