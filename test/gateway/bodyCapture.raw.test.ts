import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { ocrPath, PROJECT_ID } from '../helpers/huaweiSign.ts';
import { head, parseReply, rawExchange, writeAll } from '../helpers/rawHttp.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';

// A client that writes its whole body before reading (the SDKs, Node's http.request) must read the
// vendor's error for an oversized body, not EPIPE/ECONNRESET: the emulator replies at once, reads
// and discards the rest, and closes only then.
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const MB = 1024 * 1024;
const filler = (size: number): Buffer => Buffer.alloc(size, 0x41);

function tc3Head(body: Buffer, contentType = 'application/json'): string {
  const headers = tc3Headers({ host: server.endpoint, body, contentType });
  return head('POST', '/', { Host: server.endpoint, ...headers, 'Content-Length': body.length });
}

function expectTencentTooLarge(reply: Awaited<ReturnType<typeof rawExchange>>, size: number, limit: number): void {
  expect(reply.error).toBeUndefined();
  expect(reply.status).toBe(200);
  expect(reply.headers.connection).toBe('close');
  expect(reply.headers['content-type']).toBe('application/json');
  const { Response } = JSON.parse(reply.body.toString('utf8'));
  expect(Response.Error.Code).toBe('RequestSizeLimitExceeded');
  expect(Response.Error.Message).toContain(String(size));
  expect(Response.Error.Message).toContain(String(limit));
  expect(Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
}

describe('an oversized body is answered with the vendor error, read to its end, then the connection closes', () => {
  it('TC3 JSON POST of 11 MB (limit 10 MB)', async () => {
    const body = filler(11 * MB);
    for (let i = 0; i < 3; i++) {
      const reply = await rawExchange(server.port, [tc3Head(body), body], { writeBeforeRead: true });
      expectTencentTooLarge(reply, body.length, 10 * MB);
    }
  });

  it('v1 form POST of 11 MB (limit 1 MB)', async () => {
    const body = filler(11 * MB);
    const h = head('POST', '/', { Host: server.endpoint, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': body.length });
    expectTencentTooLarge(await rawExchange(server.port, [h, body], { writeBeforeRead: true }), body.length, MB);
  });

  it('TC3 JSON POST of 11 MB sent chunked, without a Content-Length: refused when the stream passes the limit', async () => {
    const body = filler(11 * MB);
    const headers = { Host: server.endpoint, ...tc3Headers({ host: server.endpoint, body }), 'Transfer-Encoding': 'chunked' };
    const chunks: (string | Buffer)[] = [head('POST', '/', headers)];
    for (let at = 0; at < body.length; at += MB) chunks.push(`${MB.toString(16)}\r\n`, body.subarray(at, at + MB), '\r\n');
    chunks.push('0\r\n\r\n');
    const reply = await rawExchange(server.port, chunks, { writeBeforeRead: true });
    expect(reply.error).toBeUndefined();
    expect(JSON.parse(reply.body.toString('utf8')).Response.Error.Code).toBe('RequestSizeLimitExceeded');
  });

  it('Huawei OCR POST of 13 MB (limit 12 MB): 413 APIG.0201', async () => {
    const body = filler(13 * MB);
    const h = head('POST', ocrPath(), { Host: server.endpoint, 'Content-Type': 'application/json', 'X-Project-Id': PROJECT_ID, 'X-Auth-Token': 'MIItoken', 'Content-Length': body.length });
    const reply = await rawExchange(server.port, [h, body], { writeBeforeRead: true });
    expect(reply.error).toBeUndefined();
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe('close');
    expect(reply.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    const json = JSON.parse(reply.body.toString('utf8'));
    expect(json).toEqual({ error_code: 'APIG.0201', error_msg: 'Request entity too large.', request_id: reply.headers['x-request-id'] });
  });

  it('replies before the body is sent, then closes once the rest has arrived', async () => {
    const body = filler(11 * MB);
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    const closed = new Promise<string | undefined>((resolve) => {
      let error: string | undefined;
      socket.on('error', (e: NodeJS.ErrnoException) => { error = e.code; });
      socket.on('close', () => resolve(error));
    });
    const replied = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => {
      received.push(d);
      if (parseReply(Buffer.concat(received))?.complete) resolve();
    }));
    await writeAll(socket, [tc3Head(body)]);
    await replied; // the head alone was enough for the reply
    let ended = false;
    socket.once('end', () => { ended = true; });
    await writeAll(socket, [body.subarray(0, 5 * MB)]);
    expect(ended).toBe(false); // still reading while the client sends
    await writeAll(socket, [body.subarray(5 * MB)]);
    expect(await closed).toBeUndefined();
    expect(ended).toBe(true);
    expect(JSON.parse(parseReply(Buffer.concat(received))!.body.toString('utf8')).Response.Error.Code).toBe('RequestSizeLimitExceeded');
  });

  it('the Tencent Node SDK reads RequestSizeLimitExceeded for an 11 MB ImageBase64, every time', async () => {
    const client = ocrClient(server.endpoint);
    const ImageBase64 = 'A'.repeat(11 * MB);
    for (let i = 0; i < 3; i++) expect((await sdkError(client.IDCardOCR({ ImageBase64 }))).code).toBe('RequestSizeLimitExceeded');
  });
});

describe('a body refused before it is read (a content type the door does not take) is read to its end too', () => {
  it('a `Connection: close` client sending 1 MB in pieces reads InvalidParameter, not EPIPE', async () => {
    const body = filler(MB);
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    let error: string | undefined;
    socket.on('error', (e: NodeJS.ErrnoException) => { error ??= e.code; });
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    await writeAll(socket, [head('POST', '/', { Host: server.endpoint, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length, Connection: 'close' })]);
    // A piece at a time, each after a turn of the event loop: the reply is out long before the last one.
    for (let at = 0; at < body.length && !error; at += 64 * 1024) {
      await writeAll(socket, [body.subarray(at, at + 64 * 1024)]).catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await closed;
    expect(error).toBeUndefined();
    const reply = parseReply(Buffer.concat(received))!;
    expect(reply.headers.connection).toBe('close');
    expect(JSON.parse(reply.body.toString('utf8')).Response.Error.Code).toBe('InvalidParameter');
  });
});

describe('a client that leaves before the end of its body', () => {
  it('is journaled as Mock.ClientClosedRequest, with nothing in the log, and the emulator answers the next call', async () => {
    const errors = vi.spyOn(console, 'error');
    const body = filler(64 * 1024);
    const hw = head('POST', ocrPath(), { Host: server.endpoint, 'Content-Type': 'application/json', 'X-Project-Id': PROJECT_ID, 'X-Auth-Token': 'MIItoken', 'Content-Length': 2 * body.length });
    for (const h of [tc3Head(Buffer.alloc(2 * body.length)), hw]) {
      const socket = connect(server.port, '127.0.0.1');
      await writeAll(socket, [h, body]);
      await new Promise((resolve) => { socket.once('close', resolve); socket.destroy(); });
    }
    let outcomes: string[] = [];
    for (let i = 0; i < 200 && outcomes.length < 2; i++) { // the server sees the close a moment later: ask again until both are in
      const journal = await (await fetch(`${server.url}/__mock/journal`)).json() as { outcome: string }[];
      outcomes = journal.map((e) => e.outcome).filter((o) => o === 'Mock.ClientClosedRequest');
    }
    expect(outcomes).toHaveLength(2);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    const health = await fetch(`${server.url}/__mock/health`);
    expect(health.status).toBe(200);
  });
});
