import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawReply } from '../helpers/rawHttp.ts';
import {
  assertOptions, budgetMs, describe as show, expectNoPollution, expectStillHealthy, expectTencentEnvelope, headerValue, jsonBody, junkText, paramsObject, percent, rarely, send, startFuzzServer,
  type FuzzRequest, type FuzzServer,
} from './fuzzKit.ts';

// The control plane /__mock and every path no front door owns, with random methods, paths, queries,
// bodies and headers: the documented answers (200 JSON, the PEM key) for its routes, the emulator's
// 404 JSON elsewhere; never a 5xx, an HTML error page, a stack, a hang or a reset.
let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

const ROUTES: Record<string, string> = {
  'GET /__mock/health': 'json', 'GET /__mock/scenarios': 'json', 'GET /__mock/journal': 'json', 'GET /__mock/encryption': 'json',
  'GET /__mock/encryption/public-key': 'pem', 'POST /__mock/reset': 'json',
};

function expectAdminReply(reply: RawReply, r: FuzzRequest, route: string | undefined): void {
  expectNoPollution();
  expect(reply.error, 'the connection broke instead of answering').toBeUndefined();
  expect(reply.status, 'a 5xx').toBeLessThan(500);
  const text = reply.body.toString('utf8');
  expect(text).not.toMatch(/\n\s+at |node_modules|<html|<pre>/i);
  if (r.method === 'OPTIONS' && reply.status === 200 && reply.headers.allow) return; // Express's automatic answer: the allowed methods
  const kind = route && reply.status === 200 ? ROUTES[route] : undefined;
  if (kind === 'pem') {
    expect(reply.headers['content-type']).toMatch(/^application\/x-pem-file/);
    if (r.method !== 'HEAD') expect(text).toContain('BEGIN PUBLIC KEY');
    return;
  }
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  if (r.method === 'HEAD') return;
  const body = JSON.parse(text) as Record<string, unknown>;
  if (!kind && reply.status !== 200) {
    // Not a route of the table above (or refused by one): a 4xx whose JSON says what was wrong.
    expect(reply.status).toBeLessThan(500);
    expect(String(body.error)).toMatch(/^idcard-mock/);
  }
}

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('health', 'scenarios', 'journal', 'reset', 'encryption', 'encryption/public-key') },
  { weight: 1, arbitrary: fc.constantFrom('', '%', '%E0%A4%A', '%2e%2e', '..', '__proto__', 'constructor', 'health/', 'HEALTH', 'encryption/%00', 'health;x', '%FF', '%C0%AF') },
  { weight: 1, arbitrary: junkText.map((t) => percent(t)) },
);

describe('/__mock and unowned paths fuzzed', () => {
  it('/__mock routes with random methods, paths, queries, bodies and headers', async () => {
    const arb = fc.record({
      method: rarely(fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'POST', 'GET'), 'GET', 3),
      seg: segment, query: rarely(fc.constantFrom('?a=1', '?__proto__[x]=1', '?%', '?reset=%E0%A4%A'), '', 4),
      body: rarely(jsonBody(paramsObject({ a: fc.constant(1) })), '', 4),
      type: rarely(fc.oneof(fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'), headerValue), undefined, 3),
      accept: rarely(fc.constantFrom('text/html', '*/*', 'application/xml'), undefined, 4),
    }).map(({ method, seg, query, body, type, accept }) => {
      const path = `/__mock/${seg}`;
      const routed = `/__mock/${seg.toLowerCase().replace(/\/$/, '')}`; // Express routes case-insensitively, with or without a trailing slash
      const r: FuzzRequest = { method, path: `${path}${query}`, body: method === 'GET' || method === 'HEAD' ? '' : body, headers: { Host: s.endpoint, ...(type ? { 'Content-Type': type } : {}), ...(accept ? { Accept: accept } : {}) } };
      const route = `${method === 'HEAD' ? 'GET' : method} ${routed}`;
      return Object.assign(r, { route: ROUTES[route] ? route : undefined, toString: () => show(r) });
    });
    await fc.assert(fc.asyncProperty(arb, async (r) => { expectAdminReply(await send(s.port, r), r, r.route); }), assertOptions(300));
  }, budgetMs(300));

  it('paths no front door owns: the 404 JSON', async () => {
    const arb = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
      path: fc.oneof(fc.constantFrom('//', '/v4/x', '/v', '/favicon.ico', '/%', '/%E0%A4%A', '/__mock', '/__mockx', '/.', '/index.html', '/?', '/a?b=%'), junkText.map((t) => `/${percent(t)}x`)),
    }).map(({ method, path }) => {
      const r: FuzzRequest = { method, path, body: '', headers: { Host: s.endpoint } };
      return Object.assign(r, { toString: () => show(r) });
    });
    await fc.assert(fc.asyncProperty(arb, async (r) => {
      const reply = await send(s.port, r);
      // Express routes `//` (and `/?…`) to Tencent's front door `/`: then it is Tencent's envelope.
      const tencent = reply.status === 200 && reply.headers['content-type'] === 'application/json' && (r.method === 'HEAD' || 'Response' in JSON.parse(reply.body.toString('utf8')));
      if (tencent) expectTencentEnvelope(reply, r.method);
      else expectAdminReply(reply, r, undefined);
    }), assertOptions(200));
  }, budgetMs(200));
});
