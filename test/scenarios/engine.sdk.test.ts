import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ocrSdk from 'tencentcloud-sdk-nodejs-ocr';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, SECRET_KEY, sdkError } from '../helpers/tencentClients.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';

// The scenario engine as an app's own SDK meets it: steered from outside (bindings, the clock, in-band
// markers), never silent about what it held back.
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'engine' }).toString('base64');
const admin = async (method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${server.url}/__mock${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const client = (secretId: string, reqTimeout?: number) => new ocrSdk.ocr.v20181119.Client({
  credential: { secretId, secretKey: SECRET_KEY },
  region: 'ap-guangzhou',
  profile: { httpProfile: { endpoint: server.endpoint, protocol: 'http://', reqTimeout } },
});

describe('sequences: a retry loop through the Node SDK', () => {
  it('RequestLimitExceeded twice, then success', async () => {
    expect((await admin('PUT', '/bindings/AKID-retry', { steps: ['RequestLimitExceeded', 'RequestLimitExceeded', {}] })).status).toBe(200);
    const seen: string[] = [];
    let answer;
    for (let attempt = 0; attempt < 5 && !answer; attempt++) {
      try {
        answer = await client('AKID-retry').IDCardOCR({ ImageBase64: image });
      } catch (e) {
        seen.push((e as { code: string }).code);
      }
    }
    expect(seen).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded']);
    expect(answer?.IdNum).toMatch(/^\d{17}[\dX]$/);
    expect((await client('AKID-retry').IDCardOCR({ ImageBase64: image })).IdNum).toBe(answer?.IdNum); // the last step repeats
    const journal = (await server.runtime.state.journal.list()).filter((j) => j.caller === 'AKID-retry');
    expect(journal.map((j) => [j.rule, j.outcome])).toEqual([['binding', 'RequestLimitExceeded'], ['binding', 'RequestLimitExceeded'], ['binding', 'ok'], ['binding', 'ok']]);
  });
});

describe('faults, each as the SDK sees it', () => {
  const bound = async (secretId: string, step: unknown) => {
    expect((await admin('PUT', `/bindings/${secretId}`, { steps: [step] })).status).toBe(200);
    return sdkError(client(secretId, 1).IDCardOCR({ ImageBase64: image })) as Promise<{ code?: string; message: string }>;
  };

  it('hang: the SDK gives up with its own request timeout', async () => {
    const e = await bound('AKID-hang', { fault: 'hang' });
    expect(e.message).toMatch(/timeout/i);
  });

  it('reset: ECONNRESET', async () => {
    const e = await bound('AKID-reset', { fault: 'reset' });
    expect(e.message).toMatch(/ECONNRESET|socket hang up/);
  });

  it('truncated: half a JSON body, a parse error', async () => {
    const e = await bound('AKID-truncated', { fault: 'truncated' });
    expect(e.message).toMatch(/JSON/);
  });

  it.each([['http-502', 'Bad Gateway'], ['http-504', 'Gateway Timeout']] as const)('%s: the load balancer\'s status, which the SDK reports by its text', async (fault, text) => {
    const e = await bound(`AKID-${fault}`, { fault });
    expect(e.message).toBe(text);
    const raw = await fetch(server.url, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body: '{}', secretId: `AKID-${fault}` }), body: '{}' });
    expect([raw.status, raw.headers.get('content-type')]).toEqual([Number(fault.slice(5)), 'text/html']);
  });

  it('latency stays within its bounds', async () => {
    expect((await admin('PUT', '/bindings/AKID-slow', { steps: [{ latencyMs: { min: 80, max: 160 } }] })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      await client('AKID-slow').IDCardOCR({ ImageBase64: image });
      const ms = performance.now() - t0;
      expect(ms).toBeGreaterThanOrEqual(79);
      expect(ms).toBeLessThan(160 + 1000); // the upper bound plus the request's own time on a loaded machine
    }
  });
});

describe('in-band markers need no change to the app', () => {
  it('an ImageUrl carrying mock-scenario= in its query or fragment', async () => {
    const sdk = ocrClient(server.endpoint);
    expect((await sdkError(sdk.IDCardOCR({ ImageUrl: 'https://example.com/id.jpg?mock-scenario=FailedOperation.ImageBlur' }))).code).toBe('FailedOperation.ImageBlur');
    expect((await sdkError(sdk.IDCardOCR({ ImageUrl: 'https://example.com/id.jpg#mock-scenario=FailedOperation.OcrFailed' }))).code).toBe('FailedOperation.OcrFailed');
  });

  it('an image whose JPEG comment or PNG text chunk says mock-scenario=', async () => {
    const sdk = ocrClient(server.endpoint);
    for (const format of ['jpg', 'png'] as const) {
      const marked = makeCardImage({ format, comment: 'mock-scenario=FailedOperation.ImageBlur' }).toString('base64');
      expect((await sdkError(sdk.IDCardOCR({ ImageBase64: marked }))).code).toBe('FailedOperation.ImageBlur');
    }
  });

  it('a Huawei url with the marker', async () => {
    const res = await signedFetch(server.url, ocrPath(), { url: 'https://example.com/a.jpg?mock-scenario=AIS.0105' }, { now: Date.now() });
    expect([res.status, (await res.json()).error_code]).toEqual([400, 'AIS.0105']);
  });
});

describe('a pinned ID number keeps the person consistent', () => {
  it('IDCardOCR: birth, sex, address and authority follow the pinned IdNum', async () => {
    const r = await ocrClient(server.endpoint, { headers: { 'X-Mock-Scenario': 'pinned-id' } }).IDCardOCR({ ImageBase64: image, CardSide: 'FRONT' });
    expect([r.IdNum, r.Birth, r.Sex]).toEqual(['110101198003074413', '1980/3/7', '男']);
    expect(r.Address).toMatch(/^北京市东城区/);
    const back = await ocrClient(server.endpoint, { headers: { 'X-Mock-Scenario': 'pinned-id' } }).IDCardOCR({ ImageBase64: image, CardSide: 'BACK' });
    expect(back.Authority).toMatch(/^北京市公安局东城分局/);
  });

  it('Huawei: number, birth, sex and address agree, and verification passes', async () => {
    const res = await signedFetch(server.url, ocrPath(), { image, return_verification: true }, { now: Date.now(), headers: { 'X-Mock-Scenario': 'pinned-number' } });
    const { result } = await res.json();
    expect([result.number, result.birth, result.sex]).toEqual(['110101198003074413', '1980-03-07', '男']);
    expect(result.address).toMatch(/^北京市东城区/);
    expect(result.verification_result).toMatchObject({ valid_number: true, valid_birth: true, valid_sex: true });
  });
});

describe('never silent', () => {
  it('a warning whose flag is off is held back, and X-Mock-Notice says which flag would turn it on', async () => {
    const body = JSON.stringify({ ImageBase64: image });
    const res = await fetch(server.url, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body, headers: { 'X-Mock-Scenario': 'warning:-9102' } }), body });
    const { Response } = await res.json();
    expect(JSON.parse(Response.AdvancedInfo).WarnInfos).toEqual([]);
    expect(res.headers.get('x-mock-notice')).toBe('warning -9102 held back: the request did not turn on Config.CopyWarn');
    expect((await server.runtime.state.journal.list()).at(-1)!.notices).toEqual(['warning -9102 held back: the request did not turn on Config.CopyWarn']);
  });

  it('the same request with the flag on reports it, with no notice', async () => {
    const body = JSON.stringify({ ImageBase64: image, Config: JSON.stringify({ CopyWarn: true }) });
    const res = await fetch(server.url, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body, headers: { 'X-Mock-Scenario': 'warning:copy' } }), body });
    expect(JSON.parse((await res.json()).Response.AdvancedInfo).WarnInfos).toEqual([-9102]);
    expect(res.headers.get('x-mock-notice')).toBeNull();
  });
});

describe('the clock', () => {
  it('10 minutes ahead: a request signed now answers AuthFailure.SignatureExpire', async () => {
    const s = await startServer();
    try {
      await fetch(`${s.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: '10m' }) });
      expect((await sdkError(ocrClient(s.endpoint).IDCardOCR({ ImageBase64: image }))).code).toBe('AuthFailure.SignatureExpire');
      await fetch(`${s.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ follow: true }) });
      expect((await ocrClient(s.endpoint).IDCardOCR({ ImageBase64: image })).IdNum).toMatch(/^\d{17}/);
    } finally {
      await s.close();
    }
  });

  it('advancing 25 h expires a Huawei token (APIG.0307)', async () => {
    const s = await startServer();
    try {
      const token = await fetch(`${s.url}/v3/auth/tokens`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { id: 'p1' } } } }),
      });
      const subject = token.headers.get('x-subject-token')!;
      const ocr = () => fetch(`${s.url}${ocrPath('p1')}`, { method: 'POST', headers: { 'X-Auth-Token': subject }, body: JSON.stringify({ image }) });
      expect((await ocr()).status).toBe(200);
      await fetch(`${s.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: '25h' }) });
      const expired = await ocr();
      expect([expired.status, (await expired.json()).error_code]).toEqual([401, 'APIG.0307']);
    } finally {
      await s.close();
    }
  });

  it('the -7 daily limit clears at China midnight on the emulated clock', async () => {
    const s = await startServer({ rateLimit: false });
    try {
      // 23:58 in China (UTC+8) is 15:58 UTC. Signatures are not checked here: the clock runs far from the client's.
      await fetch(`${s.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ set: '2026-03-01T15:58:00Z' }) });
      const limit = s.runtime.data.apis.get('tencent:IdCardVerification')!.results.limits!.perDay.Name!;
      const verify = () => fetch(s.url, {
        method: 'POST',
        headers: tc3Headers({ host: s.endpoint, action: 'IdCardVerification', version: '2018-03-01', service: 'faceid', timestamp: Date.parse('2026-03-01T15:58:00Z') / 1000, body: JSON.stringify({ Name: '韦小宝', IdCard: '110101198003074413' }) }),
        body: JSON.stringify({ Name: '韦小宝', IdCard: '110101198003074413' }),
      }).then(async (r) => (await r.json()).Response.Result as string);
      for (let i = 0; i < limit; i++) expect(await verify()).toBe('0');
      expect(await verify()).toBe('-7');
      await fetch(`${s.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advance: '3m' }) });
      expect(await verify()).toBe('0');
    } finally {
      await s.close();
    }
  }, 60_000);
});
