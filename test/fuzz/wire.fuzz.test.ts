import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReply, type RawReply } from '../helpers/rawHttp.ts';
import {
  assertOptions, budgetMs, expectHuaweiEnvelope, expectNoPollution, expectStillHealthy, expectTencentEnvelope, rarely, startFuzzServer, type FuzzServer,
} from './fuzzKit.ts';

// Below what an HTTP client library would send: broken request lines and heads, unknown methods and
// versions, Content-Lengths that lie, chunked bodies that break off, bare LF line ends, slow senders
// writing a byte at a time. The client half-closes when it has written everything (so a server that
// waits for bytes that will never come gets told), and must then read a whole reply: the envelope of
// the vendor whose path it asked for (or the control plane's JSON), never a hang, a reset or a 5xx.
let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

type Delivery = 'once' | 'pieces' | 'bytes';

/** Writes `bytes` as told (one write; a few random pieces; one byte per turn of the event loop), half-closes, and reads one reply. */
function exchange(port: number, bytes: Buffer, delivery: Delivery, cuts: number[]): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => { socket.destroy(); reject(new Error('no complete reply within 5000 ms: a hung socket')); }, 5000);
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      const reply = parseReply(Buffer.concat(received));
      if (!reply) reject(new Error(`no HTTP reply (socket ${error ?? 'closed'}): ${JSON.stringify(Buffer.concat(received).toString('latin1').slice(0, 200))}`));
      else resolve({ ...reply, error });
    };
    socket.on('error', (e: NodeJS.ErrnoException) => { error = e.code; });
    socket.on('data', (d: Buffer) => { received.push(d); if (parseReply(Buffer.concat(received))?.complete) done(); });
    socket.on('close', done);
    socket.once('connect', async () => {
      const points = delivery === 'once' ? [] : delivery === 'bytes' ? [...Array(bytes.length).keys()].slice(1) : [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      let at = 0;
      for (const p of [...points, bytes.length]) {
        if (socket.destroyed) return;
        socket.write(bytes.subarray(at, p));
        at = p;
        if (delivery !== 'once') await new Promise((r) => setImmediate(r));
      }
      if (!socket.destroyed) socket.end();
    });
  });
}

/** Any documented answer: Tencent's envelope, one of Huawei's shapes, the control plane's JSON or its 404, or Express's OPTIONS list. */
function expectSomeEnvelope(reply: RawReply, method: string): void {
  expectNoPollution();
  expect(reply.error, 'the connection broke instead of answering').toBeUndefined();
  expect(reply.status, 'a 5xx').toBeLessThan(500);
  if (reply.headers.allow && reply.status === 200) return;
  if (reply.headers['x-request-id']) return expectHuaweiEnvelope(reply, method);
  const text = reply.body.toString('utf8');
  expect(reply.headers['content-type'], `${reply.status} ${text.slice(0, 100)}`).toMatch(/^application\/(json|x-pem-file)/);
  if (method === 'HEAD' || text === '' || reply.headers['content-type']!.includes('pem')) return;
  const body = JSON.parse(text) as Record<string, unknown>;
  if ('Response' in body) return expectTencentEnvelope(reply, method);
  // The control plane's own answers: 200, its 404 for a path no one owns, or a 4xx that says what was wrong.
  expect(reply.status === 200 || (reply.status < 500 && typeof body.error === 'string' && body.error.startsWith('idcard-mock')), text.slice(0, 200)).toBe(true);
}

const methodArb = rarely(fc.constantFrom('FOO', 'get', 'G ET', '', 'CONNECT', 'PRI', 'M-SEARCH', 'TRACE', 'ＧＥＴ', 'POST\u0000'), null, 6)
  .chain((m) => (m !== null ? fc.constant(m) : fc.constantFrom('POST', 'GET', 'POST', 'PUT', 'HEAD')));
const targetArb = fc.constantFrom('/', '/', '/v2/0123456789abcdef0123456789abcdef/ocr/id-card', '/v3/auth/tokens', '/v3/projects?name=cn-north-4', '/__mock/health', '/__mock/reset', '*', 'http://127.0.0.1/', '/%00', '/a b', '', '/\u00ff', `/?${'a'.repeat(40_000)}`);
const versionArb = rarely(fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.2', 'HTTP/9', 'http/1.1', 'HTTP/1.1 x', '', 'HTTP/1.1\u0000'), 'HTTP/1.1', 5);
const headerArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Host: 127.0.0.1', 'Content-Type: application/json', 'Content-Type: application/x-www-form-urlencoded', 'X-TC-Action: IDCardOCR', 'X-TC-Version: 2018-11-19',
    'X-Auth-Token: MIItoken', 'X-Project-Id: 0123456789abcdef0123456789abcdef', 'Connection: keep-alive', 'Connection: close', 'Accept: */*') },
  { weight: 3, arbitrary: fc.constantFrom('Content-Length: 0', 'Content-Length: 2', 'Content-Length: 7', 'Content-Length: 99999', 'Content-Length: -1', 'Content-Length: 1e3', 'Content-Length: 2, 3',
    'Transfer-Encoding: chunked', 'Transfer-Encoding: gzip', 'Transfer-Encoding: chunked, identity', 'Expect: 100-continue', 'Expect: something', 'Upgrade: websocket', 'Connection: upgrade') },
  { weight: 2, arbitrary: fc.constantFrom('NoColon', ' Leading: space', 'Bad Name: x', 'X: a\u0000b', 'X: a\rb', 'X:\tobs\r\n fold', ': empty name', 'X-Mock-Scenario: AIS.0103', 'X-Mock-Scenario: __proto__',
    `X-Huge: ${'a'.repeat(20_000)}`, 'Host: a', 'Content-Type: multipart/form-data; boundary=x', 'X-TC-Timestamp: 1e99', 'Authorization: TC3-HMAC-SHA256 x',
    'Content-Encoding: gzip', 'Content-Encoding: br', 'Content-Type: application/json; charset=iso-8859-1', 'Content-Type: application/json; charset=utf-16', 'X-Ünïcode: ✓') },
);
const bodyArb = fc.constantFrom('', '{}', '{"ImageBase64":"AAAA"}', '{"image":"AAAA"}', '2\r\n{}\r\n0\r\n\r\n', 'zz\r\n', '5\r\nab', '0\r\n\r\n', '{"__proto__":{"polluted":1}}', 'Action=IDCardOCR&__proto__.x=1',
  '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');

describe('the wire: malformed HTTP, lying lengths, slow senders', () => {
  it('every exchange ends with a documented answer', async () => {
    const arb = fc.record({
      method: methodArb, target: targetArb, version: versionArb, headers: fc.array(headerArb, { maxLength: 6 }), body: bodyArb,
      eol: rarely(fc.constant('\n'), '\r\n', 6), delivery: fc.constantFrom<Delivery>('once', 'once', 'pieces', 'bytes'), cuts: fc.array(fc.nat(), { maxLength: 4 }),
    }).map((r) => {
      const text = `${r.method} ${r.target} ${r.version}${r.eol}${r.headers.map((h) => `${h}${r.eol}`).join('')}${r.eol}${r.body}`;
      // a byte at a time only for small requests: it is the pace that is tested, not the size
      return { ...r, delivery: r.delivery === 'bytes' && text.length > 2000 ? 'pieces' as const : r.delivery, bytes: Buffer.from(text, 'utf8'), toString: () => `${r.delivery} ${JSON.stringify(text.length > 400 ? `${text.slice(0, 200)}…${text.slice(-200)}` : text)}` };
    });
    await fc.assert(fc.asyncProperty(arb, async (r) => {
      expectSomeEnvelope(await exchange(s.port, r.bytes, r.delivery, r.cuts), r.method);
    }), assertOptions(400));
  }, budgetMs(400));
});
