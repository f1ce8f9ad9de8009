import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';

// `POST /` is Tencent's and Alibaba's: the x-acs-action header (provider.json `ownsHeader`) tells them apart.
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server?.close());

const post = (headers: Record<string, string>, method = 'POST') => fetch(`${server.url}/`, { method, headers, body: method === 'GET' ? undefined : '' });

describe('the Alibaba front door', () => {
  it('an action it does not emulate is InvalidApi.NotFound (404) in the gateway envelope', async () => {
    const res = await post({ 'x-acs-action': 'RecognizeBankCard', 'x-acs-version': '2021-07-07' });
    expect(res.status).toBe(404);
    const body = await res.json() as Record<string, string>;
    expect(body).toEqual({
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/), HostId: server.endpoint, Code: 'InvalidApi.NotFound',
      Message: 'Specified api is not found, please check your url and method.', Recommend: `https://api.aliyun.com/troubleshoot?q=InvalidApi.NotFound&product=&requestId=${body.RequestId}`,
    });
  });

  it('a known action in another version is InvalidApi.NotFound too; an unsigned one is IncompleteSignature', async () => {
    expect((await (await post({ 'x-acs-action': 'RecognizeIdcard', 'x-acs-version': '2019-12-30' })).json() as { Code: string }).Code).toBe('InvalidApi.NotFound');
    const unsigned = await post({ 'x-acs-action': 'RecognizeIdcard', 'x-acs-version': '2021-07-07' });
    expect([unsigned.status, (await unsigned.json() as { Code: string }).Code]).toEqual([400, 'IncompleteSignature']);
  });

  it('a method other than GET and POST is InvalidApi.NotFound', async () => {
    expect((await post({ 'x-acs-action': 'RecognizeIdcard', 'x-acs-version': '2021-07-07' }, 'PUT')).status).toBe(404);
  });

  it('without x-acs-action, `POST /` is still Tencent: HTTP 200, {"Response":{"Error"}}', async () => {
    const res = await post({ 'Content-Type': 'application/json' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ Response: { Error: { Code: expect.any(String) } } });
  });
});
