import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server.ts';
import { doc, expressRoutes, openApiPath, operations, requestExamples, response, validator, type Operation } from '../helpers/openApi.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { signedFetch, ocrPath } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// The admin API's OpenAPI document (schemas/_meta/admin.openapi.json) against the routes: every route Express
// has under /__mock is documented, every documented operation answers, and every answer, success or
// error, validates against the document's schema for its status and content type.
const server = createServer({ checkResponses: true });
let url = '';
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await traffic();
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

/** Something for the journal and coverage to show: successes, a scenario error, a warning held back, a failed signature. */
const image = makeCardImage({ seed: 'openapi' }).toString('base64');
async function traffic(): Promise<void> {
  const endpoint = url.replace('http://', '');
  await ocrClient(endpoint).IDCardOCR({ ImageBase64: image });
  await sdkError(ocrClient(endpoint, { headers: { 'X-Mock-Scenario': 'FailedOperation.ImageBlur' } }).IDCardOCR({ ImageBase64: image }));
  await ocrClient(endpoint, { headers: { 'X-Mock-Scenario': 'warning:copy' } }).IDCardOCR({ ImageBase64: image });
  await sdkError(ocrClient(endpoint, { secretKey: 'WRONG' }).IDCardOCR({ ImageBase64: image }));
  await (await signedFetch(url, ocrPath(), { image, side: 'front' }, { now: Date.now() })).arrayBuffer();
}

const FALLBACK = 'idcard-mock: no emulated API at this path';

/** Calls the emulator and checks the answer against the operation's documented response for the status it got. */
async function answers(path: string, method: string, op: Operation, target: string, init: RequestInit = {}): Promise<number> {
  const abort = new AbortController();
  const res = await fetch(`${url}${target}`, { method: method.toUpperCase(), ...init, signal: abort.signal });
  const stream = res.headers.get('content-type')?.startsWith('text/event-stream');
  const text = stream ? await replayOf(res, target, abort) : await res.text();
  const where = `${method.toUpperCase()} ${target} → ${res.status}`;
  expect(text, where).not.toContain(FALLBACK);
  const documented = response(op, path, method, String(res.status));
  expect(documented, `${where} is not a documented status`).toBeDefined();
  const types = Object.keys(documented!.res.content ?? {});
  if (types.length === 0) {
    expect(text, where).toBe('');
    return res.status;
  }
  const type = types.find((t) => res.headers.get('content-type')?.startsWith(t));
  expect(type, `${where}: content type ${res.headers.get('content-type')}, documented ${types.join(', ')}`).toBeDefined();
  const validate = validator(...documented!.at, 'content', type!, 'schema');
  const body = type === 'application/json' ? JSON.parse(text) : text;
  expect(validate(body) ? [] : validate.errors, where).toEqual([]);
  if (stream) {
    const entry = validator(...documented!.at, 'content', type!, 'x-event-data');
    const data = text.split('\n').filter((l) => l.startsWith('data: ')).map((l) => JSON.parse(l.slice('data: '.length)) as unknown);
    expect(data.length, where).toBeGreaterThan(0);
    for (const d of data) expect(entry(d) ? [] : entry.errors, where).toEqual([]);
  }
  return res.status;
}

/** An event stream never ends: read it until the replay it starts with is complete, then hang up. */
async function replayOf(res: Response, target: string, abort: AbortController): Promise<string> {
  const held = (await (await fetch(`${url}/__mock/journal`)).json() as unknown[]).length;
  const last = new URL(target, url).searchParams.get('last');
  const expected = Math.min(held, last === null ? 100 : Number(last));
  const reader = res.body!.getReader();
  let text = '';
  while ((text.match(/^event: entry$/gm) ?? []).length < expected || !text.endsWith('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += Buffer.from(value).toString('utf8');
  }
  abort.abort();
  return text;
}

const example = (p: { examples?: Record<string, { value: unknown }> }): string => String(Object.values(p.examples ?? {})[0]?.value ?? 'x');

describe('the document', () => {
  it('is OpenAPI 3.1 with JSON Schema 2020-12 schemas and unique operation ids', () => {
    expect([doc.openapi, doc.jsonSchemaDialect]).toEqual(['3.1.0', 'https://json-schema.org/draft/2020-12/schema']);
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('its request examples are valid requests, one or more for every operation that takes a body', () => {
    let checked = 0;
    for (const { path, method, op } of operations()) {
      const body = requestExamples(op, path, method);
      if (!body) continue;
      expect(body.examples.length, `${method} ${path} has no request example`).toBeGreaterThan(0);
      const validate = validator(...body.at);
      for (const e of body.examples) expect(validate(e) ? [] : validate.errors, `${method} ${path} ${JSON.stringify(e)}`).toEqual([]);
      checked += body.examples.length;
    }
    // PUT /bindings/{credential}, PUT /active, POST /clock at least.
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('has exactly the routes Express has under /__mock, and paths below each mounted middleware', () => {
    const all = expressRoutes((server.app as unknown as { router: { stack: never[] } }).router.stack)
      .filter((r) => r.split(' ')[1]!.startsWith('/__mock')).map((r) => openApiPath(r));
    const mounts = all.filter((r) => r.startsWith('MOUNT ')).map((r) => `${r.slice('MOUNT '.length)}/`);
    expect(mounts).toEqual(['/__mock/ui/']);
    const documented = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`);
    const underMount = (d: string): boolean => mounts.some((m) => d.split(' ')[1]!.startsWith(m));
    expect([...new Set(all.filter((r) => !r.startsWith('MOUNT ')))].sort()).toEqual(documented.filter((d) => !underMount(d)).sort());
  });
});

describe('every operation answers as documented', () => {
  // Each test starts from the same state, whatever ran before it: a reset emulator with the traffic
  // above, and what the PUT of its path makes (a binding to read or to remove).
  beforeEach(async () => {
    await (await fetch(`${url}/__mock/reset`, { method: 'POST' })).arrayBuffer();
    await traffic();
  });
  async function putFirst(path: string, method: string, target: string): Promise<void> {
    const put = method === 'put' ? undefined : doc.paths[path]?.put as Operation | undefined;
    const body = put && requestExamples(put, path, 'put')?.examples[0];
    if (body === undefined) return;
    const res = await fetch(`${url}${target}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, `PUT ${target} before ${method.toUpperCase()}`).toBeLessThan(300);
  }

  it('the journal to validate holds each kind of entry', async () => {
    const entries = await (await fetch(`${url}/__mock/journal`)).json() as { provider: string; outcome: string; notices: string[]; diagnosis?: unknown }[];
    expect(entries.map((e) => e.outcome)).toEqual(['ok', 'FailedOperation.ImageBlur', 'ok', 'AuthFailure.SignatureFailure', 'ok']);
    expect(entries.filter((e) => e.diagnosis || e.notices.length || e.provider === 'huawei')).toHaveLength(3);
  });

  for (const { path, method, op, item } of operations()) {
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
    const target = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(example(params.find((p) => p.name === name)!)));
    it(`${method.toUpperCase()} ${path}`, async () => {
      await putFirst(path, method, target);
      let bodies = requestExamples(op, path, method)?.examples ?? [undefined];
      // Finishing a hosted verification needs one to finish: the example's token is the vendor's, so a new one stands in.
      if (path === '/__mock/faceid/verify') {
        const { BizToken } = await faceidClient(url.replace('http://', '')).DetectAuth({ RuleId: '1' });
        bodies = bodies.map((b) => ({ ...(b as object), token: BizToken }));
      }
      for (const body of bodies) {
        const init = body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
        expect(await answers(path, method, op, target, init)).toBeLessThan(300);
      }
      for (const q of params.filter((p) => p.in === 'query' && p.examples)) {
        for (const e of Object.values(q.examples!)) expect(await answers(path, method, op, `${target}?${q.name}=${encodeURIComponent(String(e.value))}`)).toBe(200);
      }
    });
  }
});

describe('errors are documented too', () => {
  const op = (path: string, method: string): Operation => doc.paths[path]![method] as Operation;
  const json = (body: unknown): RequestInit => ({ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  it.each([
    ['/__mock/bindings/{credential}', 'put', '/__mock/bindings/AKID-x', json({ scenario: 'NoSuchScenario', times: 0 }), 400],
    ['/__mock/bindings/{credential}', 'get', '/__mock/bindings/AKID-nobody', {}, 404],
    ['/__mock/bindings/{credential}', 'delete', '/__mock/bindings/AKID-nobody', {}, 404],
    ['/__mock/active', 'put', '/__mock/active', json({}), 400],
    ['/__mock/bindings/{credential}', 'put', '/__mock/bindings/AKID-x', json({ steps: [{ eror: 'X' }, { fault: 'explode' }, 'ok'] }), 400],
    ['/__mock/active', 'put', '/__mock/active', json({ steps: [{ error: 'FailedOperation.ImageBlurr', latencyMs: -5 }] }), 400],
    ['/__mock/clock', 'post', '/__mock/clock', json({ advance: 'soon' }), 400],
    ['/__mock/journal', 'get', '/__mock/journal?since=yesterday', {}, 400],
    ['/__mock/scenarios', 'get', '/__mock/scenarios?api=NoSuchApi', {}, 404],
    ['/__mock/faceid/verify', 'post', '/__mock/faceid/verify', json({ outcome: '0' }), 400],
    ['/__mock/faceid/verify', 'post', '/__mock/faceid/verify', json({ token: 'NO-SUCH-TOKEN', outcome: '0' }), 404],
  ] as const)('%s %s: %s', async (path, method, target, init, status) => {
    expect(await answers(path, method, op(path, method), target, init as RequestInit)).toBe(status);
  });

  it('403 with a wrong admin token, even from loopback', async () => {
    const guarded = createServer({ adminToken: 'sesame' });
    guarded.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => guarded.once('listening', resolve));
    const base = `http://127.0.0.1:${(guarded.address() as AddressInfo).port}`;
    try {
      for (const { path, method } of operations()) {
        const res = await fetch(`${base}${path.replace(/\{\w+\}/g, 'x')}`, { method: method.toUpperCase(), headers: { Authorization: 'Bearer wrong' } });
        const documented = response(doc.paths[path]![method] as Operation, path, method, String(res.status));
        expect(res.status, `${method} ${path}`).toBe(403);
        const validate = validator(...documented!.at, 'content', 'application/json', 'schema');
        expect(validate(await res.json())).toBe(true);
      }
      expect((await fetch(`${base}/__mock/health`, { headers: { 'X-Mock-Admin-Token': 'sesame' } })).status).toBe(200);
    } finally {
      guarded.closeAllConnections();
      guarded.close();
    }
  });
});

describe('GET /__mock/openapi.json', () => {
  it('serves the document kept in the repository, with this emulator as its first server', async () => {
    const served = await (await fetch(`${url}/__mock/openapi.json`)).json() as { servers: { url: string }[] };
    expect(served.servers[0]!.url).toBe(url);
    expect({ ...served, servers: served.servers.slice(1) }).toEqual(doc);
  });
});
