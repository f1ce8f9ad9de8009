import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { rawExchange, type RawReply } from '../helpers/rawHttp.ts';

// What the fuzz suite (test/fuzz) found, each pinned as an ordinary test over HTTP.
const clock = Date.parse('2026-03-01T08:00:00Z');
const ts = Math.floor(clock / 1000);
let server: TestServer;
beforeAll(async () => { server = await startServer({ now: () => clock, rateLimit: false }); });
afterAll(() => server.close());

async function tencentCode(res: Response): Promise<string> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { Response: { Error?: { Code: string } } }).Response.Error?.Code ?? 'success';
}

/** A v1 form POST of IDCardOCR (or another action) with an unknown SecretId, which lenient auth lets through to the parameters. */
const v1 = (extra: string, action = 'Action=IDCardOCR&Version=2018-11-19') => fetch(`${server.url}/`, {
  method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: `${action}&Timestamp=${ts}&Nonce=1&SecretId=AKIDFUZZ&Signature=abc&${extra}`,
});

describe('flattened v1 and GET parameters', () => {
  it('`__proto__.x=1` and `constructor.prototype.x=1` do not pollute Object.prototype: they are unknown parameters', async () => {
    expect(await tencentCode(await v1('__proto__.polluted=1'))).toBe('UnknownParameter');
    const get = await fetch(`${server.url}/?Action=IDCardOCR&Version=2018-11-19&Timestamp=${ts}&Nonce=1&SecretId=AKIDFUZZ&Signature=abc&constructor.prototype.polluted=1`);
    expect(await tencentCode(get)).toBe('UnknownParameter');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a key nested under a text value, or an array `length`, is a parameter error, not an internal error', async () => {
    const errors = vi.spyOn(console, 'error');
    expect(await tencentCode(await v1('ImageBase64=x&ImageBase64.b=2'))).toBe('InvalidParameter');
    expect(await tencentCode(await v1('Encryption.EncryptList.length=abc', 'Action=IdCardOCRVerification&Version=2018-03-01'))).toBe('InvalidParameter');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('an array index of 4294967294 is refused at once instead of blocking the emulator', async () => {
    const res = await v1('Encryption.EncryptList.4294967294=Name', 'Action=IdCardOCRVerification&Version=2018-03-01');
    expect(await tencentCode(res)).toBe('InvalidParameter');
  });
});

describe("what Node's HTTP parser refuses gets the vendor's envelope, not a bare 400", () => {
  const tencentError = (reply: RawReply): string => {
    expect(reply.error).toBeUndefined();
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json');
    const { Response } = JSON.parse(reply.body.toString('utf8'));
    expect(Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    return Response.Error.Code;
  };
  const huaweiError = (reply: RawReply): [number, string] => {
    expect(reply.error).toBeUndefined();
    const body = JSON.parse(reply.body.toString('utf8'));
    expect(body.request_id).toBe(reply.headers['x-request-id']);
    return [reply.status, body.error_code];
  };

  it('a head over 1 MB: RequestSizeLimitExceeded', async () => {
    const big = 'a'.repeat(1024 * 1024 + 10);
    expect(tencentError(await rawExchange(server.port, [`GET /?x=${big} HTTP/1.1\r\nHost: x\r\n\r\n`]))).toBe('RequestSizeLimitExceeded');
    const reply = await rawExchange(server.port, [`POST / HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`]);
    expect(tencentError(reply)).toBe('RequestSizeLimitExceeded');
    // The parser refused the head without its size: the plain message, not the size variant's placeholders.
    expect(JSON.parse(reply.body.toString('utf8')).Response.Error.Message).toBe('The request size exceeds the upper limit.');
  });

  it('a method Node does not know, a broken head, a broken chunked body: UnsupportedProtocol, or APIG.0602 400 on Huawei paths', async () => {
    expect(tencentError(await rawExchange(server.port, ['FOO / HTTP/1.1\r\nHost: x\r\n\r\n']))).toBe('UnsupportedProtocol');
    expect(tencentError(await rawExchange(server.port, ['POST / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n']))).toBe('UnsupportedProtocol');
    expect(huaweiError(await rawExchange(server.port, ['POST /v3/auth/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n']))).toEqual([400, 'APIG.0602']);
  });

  it('a body shorter than its Content-Length, then the client half-closes: the envelope, and the emulator goes on', async () => {
    const errors = vi.spyOn(console, 'error');
    const reply = await rawExchange(server.port, ['POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":'], { halfClose: true });
    expect(tencentError(reply)).toBe('UnsupportedProtocol');
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('a request without Host reaches the front door and gets its answer', async () => {
    const reply = await rawExchange(server.port, ['POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}']);
    expect(tencentError(reply)).toBe('MissingParameter');
  });
});

describe('requests Node keeps from the app', () => {
  it('CONNECT gets UnsupportedProtocol instead of a dropped connection', async () => {
    const reply = await rawExchange(server.port, ['CONNECT / HTTP/1.1\r\nHost: x\r\n\r\n']);
    expect(reply.error).toBeUndefined();
    expect(JSON.parse(reply.body.toString('utf8')).Response.Error.Code).toBe('UnsupportedProtocol');
  });

  it('an Expect other than 100-continue is ignored instead of a bare 417', async () => {
    const reply = await rawExchange(server.port, ['GET /__mock/health HTTP/1.1\r\nHost: x\r\nExpect: something\r\n\r\n']);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body.toString('utf8')).status).toBe('ok');
  });

  it('a request followed by garbage: its own answer first, then the envelope for the garbage, then close', async () => {
    const big = 'a'.repeat(40_000); // over the 32 KB GET limit: answered at once, with Connection: close
    const reply = await rawExchange(server.port, [`GET /?${big} HTTP/1.1\r\nHost: x\r\n\r\n0\r\n\r\n`]);
    expect(reply.error).toBeUndefined();
    expect(JSON.parse(reply.body.toString('utf8')).Response.Error.Code).toBe('RequestSizeLimitExceeded');
    const health = await rawExchange(server.port, ['GET /__mock/health HTTP/1.1\r\nHost: x\r\n\r\nFOO / HTTP/1.1\r\n\r\n'], { untilClose: true });
    expect(health.error).toBeUndefined();
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString('utf8')).status).toBe('ok');
    expect(health.following!.map((r) => [r.status, JSON.parse(r.body.toString('utf8')).Response.Error.Code, r.headers.connection])).toEqual([[200, 'UnsupportedProtocol', 'close']]);
  });
});
