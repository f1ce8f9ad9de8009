import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { tc3Headers, v1Form } from '../helpers/signTc3.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

let server: TestServer;
let host: string;
beforeAll(async () => { server = await startServer({ rateLimit: false }); host = server.endpoint; });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'gateway' }).toString('base64');

/**
 * Every Tencent reply: HTTP 200, exactly `application/json` (with a charset, tencentcloud-sdk-python
 * common/abstract_client.py skips its error check), the envelope.
 */
function expectError(res: request.Response, code: string): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.body.Response.Error.Code).toBe(code);
  expect(res.body.Response.Error.Message).toEqual(expect.any(String));
  expect(res.body.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
}

const post = (body: string | Buffer, headers: Record<string, string>) => request(server.url).post('/').set(headers).send(body);
const signed = (body: string, extra: Partial<Parameters<typeof tc3Headers>[0]> = {}) => post(body, tc3Headers({ host, body, ...extra }));

describe('Cloud API 3.0 gateway errors over raw HTTP', () => {
  it('a signed request succeeds and echoes X-TC-TraceId', async () => {
    const body = JSON.stringify({ ImageBase64: image });
    const res = await post(body, { ...tc3Headers({ host, body }), 'X-TC-TraceId': 'trace-123' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-tc-traceid']).toBe('trace-123');
    expect(res.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
  });

  it('MissingParameter without an Action, or without a Version', async () => {
    const body = '{}';
    const noAction = { ...tc3Headers({ host, body }) } as Record<string, string>;
    delete noAction['X-TC-Action'];
    const res = await post(body, noAction);
    expectError(res, 'MissingParameter');
    expect(res.body.Response.Error.Message).toBe('The request is missing a required parameter `Action`.');
    const noVersion = { ...tc3Headers({ host, body }) } as Record<string, string>;
    delete noVersion['X-TC-Version'];
    expectError(await post(body, noVersion), 'MissingParameter');
  });

  it('InvalidAction for an action we do not know, NoSuchVersion for a wrong version', async () => {
    expectError(await signed('{}', { action: 'DescribeInstances' }), 'InvalidAction');
    expectError(await signed('{}', { version: '2017-03-12' }), 'NoSuchVersion');
  });

  it.each(['PUT', 'DELETE', 'PATCH'] as const)('UnsupportedProtocol for %s', async (method) => {
    const res = await request(server.url)[method.toLowerCase() as 'put']('/').set('Content-Type', 'application/json').send('{}');
    expectError(res, 'UnsupportedProtocol');
  });

  it('RequestSizeLimitExceeded: GET over 32 KB', async () => {
    const res = await request(server.url).get(`/?Action=IDCardOCR&Version=2018-11-19&ImageBase64=${'A'.repeat(33 * 1024)}`);
    expectError(res, 'RequestSizeLimitExceeded');
  });

  it('RequestSizeLimitExceeded: v1 POST over 1 MB, TC3 POST over 10 MB, refused from Content-Length', async () => {
    const form = await post(`ImageBase64=${'A'.repeat(1024 * 1024 + 1)}`, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expectError(form, 'RequestSizeLimitExceeded');
    const big = ' '.repeat(10 * 1024 * 1024 + 1);
    const json = await post(big, { 'Content-Type': 'application/json' });
    expectError(json, 'RequestSizeLimitExceeded');
    expect(json.body.Response.Error.Message).toContain(String(big.length));
  });

  it('InvalidParameter for malformed JSON, a body that is not an object, a malformed form, a wrong type', async () => {
    expectError(await signed('{"ImageBase64":'), 'InvalidParameter');
    expectError(await signed('[1,2]'), 'InvalidParameter');
    const badForm = await post('Action=IDCardOCR&Version', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expectError(badForm, 'InvalidParameter');
    expect(badForm.body.Response.Error.Message).toBe('Url key and value should be splited by `=`.');
    const wrongType = await signed(JSON.stringify({ ImageBase64: image, EnableReflectDetail: 'yes' }));
    expectError(wrongType, 'InvalidParameter');
    expect(wrongType.body.Response.Error.Message).toBe('Parameter `EnableReflectDetail` type error.');
  });

  it('InvalidParameter for a v1 Nonce that is not a number; a Python-sized Nonce (> 2^53) is fine', async () => {
    expectError(await post(v1Form(host, { Nonce: 'abc', ImageBase64: image }), { 'Content-Type': 'application/x-www-form-urlencoded' }), 'InvalidParameter');
    const ok = await post(v1Form(host, { ImageBase64: image }), { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(ok.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
  });

  it('UnknownParameter for a parameter IDCardOCR does not define', async () => {
    const res = await signed(JSON.stringify({ ImageBase64: image, Foo: 1 }));
    expectError(res, 'UnknownParameter');
    expect(res.body.Response.Error.Message).toBe('The parameter `Foo` is not recognized.');
  });

  it('InvalidRequest for a broken multipart body', async () => {
    const body = '--xyz\r\nContent-Disposition: form-data; name="ImageBase64"\r\n\r\nabc'; // no closing boundary
    expectError(await signed(body, { contentType: 'multipart/form-data; boundary=xyz' }), 'InvalidRequest');
  });

  it('a well-formed multipart TC3 request is verified over its raw bytes and answered', async () => {
    const body = `--xyz\r\nContent-Disposition: form-data; name="ImageBase64"\r\n\r\n${image}\r\n--xyz--\r\n`;
    const res = await signed(body, { contentType: 'multipart/form-data; boundary=xyz' });
    expect(res.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
  });

  it('AuthFailure.InvalidAuthorization for a malformed Authorization header', async () => {
    const headers = { ...tc3Headers({ host, body: '{}' }), Authorization: 'TC3-HMAC-SHA256 garbage' };
    const res = await post('{}', { ...headers, 'X-TC-Language': 'zh-CN' });
    expectError(res, 'AuthFailure.InvalidAuthorization');
    expect(res.body.Response.Error.Message).toMatch(/^请求头部的 Authorization 不符合腾讯云标准：应为 `TC3-HMAC-SHA256/);
  });

  it('AuthFailure.SignatureFailure when the body is not what was signed', async () => {
    const headers = tc3Headers({ host, body: JSON.stringify({ ImageBase64: image }) });
    expectError(await post(JSON.stringify({ ImageBase64: image, CardSide: 'BACK' }), headers), 'AuthFailure.SignatureFailure');
  });

  it('the signature is over the raw bytes: Python-style spaced JSON with \\u escapes verifies', async () => {
    const body = `{"ImageBase64": "${image}", "CardSide": "FRONT", "Config": "{\\"CropPortrait\\": true, \\"Note\\": \\"\\u4f60\\u597d\\"}"}`;
    const res = await signed(body);
    expect(res.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
  });

  it('AuthFailure.SignatureExpire for 10 minutes of skew, and for a credential date that is not the UTC date', async () => {
    expectError(await signed('{}', { timestamp: Math.floor(Date.now() / 1000) - 600 }), 'AuthFailure.SignatureExpire');
    expectError(await signed('{}', { date: '2001-01-01' }), 'AuthFailure.SignatureExpire');
  });

  it('AuthFailure.SecretIdNotFound in strict mode, for a SecretId neither stored nor the well-known one', async () => {
    const strict = await startServer({ auth: 'strict', credentials: { tencent: new Map([['AKIDSTOREDELSEWHERE', 'k']]) } });
    try {
      const body = JSON.stringify({ ImageBase64: image });
      const res = await request(strict.url).post('/').set(tc3Headers({ host: strict.endpoint, body, secretId: 'AKIDNEVERSTORED' })).send(body);
      expectError(res, 'AuthFailure.SecretIdNotFound');
    } finally {
      await strict.close();
    }
  });

  it('auth off accepts anything', async () => {
    const open = await startServer({ auth: 'off' });
    try {
      const res = await request(open.url).post('/').set({ 'Content-Type': 'application/json', 'X-TC-Action': 'IDCardOCR', 'X-TC-Version': '2018-11-19' }).send(JSON.stringify({ ImageBase64: image }));
      expect(res.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
    } finally {
      await open.close();
    }
  });

  it('RequestLimitExceeded after 20 requests in a second from one SecretId, with the real message format; the next second takes requests again', async () => {
    // The emulator's clock, moved by the test: all 22 requests fall in one second, however slow the machine.
    let clock = Date.parse('2026-03-01T04:00:00.500Z');
    const limited = await startServer({ now: () => clock });
    try {
      const body = JSON.stringify({ ImageUrl: 'https://example.invalid/x.jpg' });
      const send = () => request(limited.url).post('/').set(tc3Headers({ host: limited.endpoint, body, timestamp: Math.floor(clock / 1000) })).send(body);
      const replies = await Promise.all(Array.from({ length: 22 }, send));
      const limitedReplies = replies.filter((r) => r.body.Response.Error?.Code === 'RequestLimitExceeded');
      expect(replies.length - limitedReplies.length).toBe(20);
      expectError(limitedReplies[0]!, 'RequestLimitExceeded');
      expect(limitedReplies.map((r) => r.body.Response.Error.Message).sort()).toEqual([21, 22].map((n) =>
        expect.stringMatching(new RegExp(`^Your current request times equals to \`${n}\` in a second, which exceeds the frequency limit \`20\` for a second\\.`))));
      clock += 1000;
      expect((await send()).body.Response.Error?.Code).not.toBe('RequestLimitExceeded');
    } finally {
      await limited.close();
    }
  });

  it('messages come in Chinese with X-TC-Language: zh-CN', async () => {
    const res = await request(server.url).put('/').set('X-TC-Language', 'zh-CN');
    expect(res.body.Response.Error.Message).toBe('http(s) 请求协议错误，只支持 GET 和 POST 请求。');
  });
});
