import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { id2MetaVerify, recognizeIdcard } from '../helpers/alibabaClients.ts';

// ACS3-HMAC-SHA256 as the SDK sends it, checked as the gateway does: each failure is the vendor's
// code, thrown by the SDK with its own fields.
interface SdkError { code: string; statusCode: number; data: Record<string, string> }
const failure = (p: Promise<unknown>): Promise<SdkError> => p.then(() => { throw new Error('expected the SDK to throw'); }, (e: unknown) => e as SdkError);
const person = { paramType: 'normal', userName: '张三', identifyNum: '11010519491231002X' };

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server?.close());

describe('ACS3-HMAC-SHA256', () => {
  it('the well-known AccessKey passes the full check', async () => {
    expect((await id2MetaVerify(server.endpoint, person)).body?.code).toBe('200');
    expect((await server.runtime.state.journal.list()).at(-1)!.caller).toBe('LTAIMOCKEXAMPLE000000000');
  });

  it('a stored pair of your own (credentials) is checked fully in strict mode', async () => {
    const strict = await startServer({ auth: 'strict', credentials: { tencent: new Map(), huawei: new Map(), alibaba: new Map([['LTAIworker1', 'worker-secret']]) } });
    try {
      expect((await id2MetaVerify(strict.endpoint, person, { accessKeyId: 'LTAIworker1', accessKeySecret: 'worker-secret' })).body?.code).toBe('200');
      expect((await failure(id2MetaVerify(strict.endpoint, person, { accessKeyId: 'LTAIworker1', accessKeySecret: 'other' }))).code).toBe('SignatureDoesNotMatch');
    } finally { await strict.close(); }
  });

  it("the old RPC signature (signatureAlgorithm 'v2') is IncompleteSignature, and the journal says it is not emulated", async () => {
    const e = await failure(id2MetaVerify(server.endpoint, person, { signatureAlgorithm: 'v2' }));
    expect([e.code, e.statusCode]).toEqual(['IncompleteSignature', 400]);
    expect((await server.runtime.state.journal.list()).at(-1)!.diagnosis?.cause).toMatch(/old RPC signature .* is not emulated/);
  });

  it('a wrong secret is SignatureDoesNotMatch, with the server string to sign in the message and the diagnosis in the journal', async () => {
    const e = await failure(recognizeIdcard(server.endpoint, { url: 'https://example.com/card.jpg' }, { accessKeySecret: 'not-the-secret' }));
    expect([e.code, e.statusCode]).toEqual(['SignatureDoesNotMatch', 400]);
    expect(e.data.Message).toMatch(/^Specified signature is not matched with our calculation\. server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    const entry = (await server.runtime.state.journal.list()).at(-1)!;
    expect(entry.outcome).toBe('SignatureDoesNotMatch');
    expect(JSON.stringify(entry)).toContain('x-acs-signature-nonce');
  });

  it('lenient mode accepts an AccessKeyId it does not know; strict mode answers InvalidAccessKeyId.NotFound (404)', async () => {
    expect((await id2MetaVerify(server.endpoint, person, { accessKeyId: 'LTAIsomeoneelse', accessKeySecret: 'x' })).body?.code).toBe('200');
    const strict = await startServer({ auth: 'strict' });
    try {
      const e = await failure(id2MetaVerify(strict.endpoint, person, { accessKeyId: 'LTAIsomeoneelse', accessKeySecret: 'x' }));
      expect([e.code, e.statusCode]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
      expect((await id2MetaVerify(strict.endpoint, person)).body?.code).toBe('200');
    } finally { await strict.close(); }
  });

  it('a request dated more than 15 minutes from the emulator clock is InvalidTimeStamp.Expired; 14 minutes passes', async () => {
    const clock = server.runtime.clock;
    try {
      clock.set(Date.now() + 16 * 60_000);
      const e = await failure(id2MetaVerify(server.endpoint, person));
      expect([e.code, e.statusCode]).toEqual(['InvalidTimeStamp.Expired', 400]);
      clock.set(Date.now() - 14 * 60_000);
      expect((await id2MetaVerify(server.endpoint, person)).body?.code).toBe('200');
    } finally { clock.follow(); }
  });
});

describe('x-acs-signature-nonce', () => {
  /** The SDK's request as it left, caught by a server that answers like the emulator would. */
  async function captured(): Promise<{ method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }> {
    let got: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer } | undefined;
    const catcher = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        got = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
        res.setHeader('Content-Type', 'application/json');
        res.end('{"RequestId":"X","Code":"200","Message":"success"}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => catcher.once('listening', r));
    try {
      await id2MetaVerify(`127.0.0.1:${(catcher.address() as AddressInfo).port}`, person);
    } finally { catcher.close(); }
    return got!;
  }

  /** Sends the same bytes with the same head (its Host included: it is signed) to the emulator. */
  function replay(r: { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }): Promise<{ status: number; body: Record<string, string> }> {
    const headers = { ...r.headers, 'content-length': String(r.body.length) };
    delete headers['transfer-encoding'];
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, method: r.method, path: r.url, headers }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Record<string, string> }));
      });
      req.on('error', reject);
      req.end(r.body);
    });
  }

  it('the same signed request twice: the first is answered, the second is SignatureNonceUsed; a reset forgets the nonce', async () => {
    const raw = await captured();
    expect(raw.headers['x-acs-signature-nonce']).toMatch(/^[0-9a-f]{64}$/);
    expect((await replay(raw)).body.Code).toBe('200');
    const second = await replay(raw);
    expect([second.status, second.body.Code]).toEqual([400, 'SignatureNonceUsed']);
    expect(second.body.Message).toBe('Specified signature nonce was used already.');
    await server.runtime.state.reset();
    expect((await replay(raw)).body.Code).toBe('200');
  });

  it('a body changed after signing is SignatureDoesNotMatch, the journal naming the two hashes', async () => {
    const raw = await captured();
    const changed = await replay({ ...raw, body: Buffer.from(raw.body.toString('utf8').replace('normal', 'NORMAL')) });
    expect([changed.status, changed.body.Code]).toEqual([400, 'SignatureDoesNotMatch']);
    expect((await server.runtime.state.journal.list()).at(-1)!.diagnosis?.cause).toMatch(/^the body changed after signing: x-acs-content-sha256 is [0-9a-f]{64}, the body received hashes to [0-9a-f]{64}$/);
  });
});
