import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, SECRET_KEY } from '../helpers/tencentClients.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { requestLogLine } from '../../src/log/requestLogLine.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import type { JournalEntry } from '../../src/state/journal.ts';

// The journal and the request log tell the whole story, and hold no personal data or secret.
const logged: JournalEntry[] = [];
let server: TestServer;
beforeAll(async () => { server = await startServer({ requestLog: (e) => logged.push(e), debugSignatures: true }); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'journal' }).toString('base64');
const journal = async (query = ''): Promise<JournalEntry[]> => (await fetch(`${server.url}/__mock/journal${query}`)).json();

describe('masking: personal data and secrets appear nowhere', () => {
  it('a full ID number, a name, image bytes, a secret key or a token are in neither the journal nor the log', async () => {
    const person = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const huawei = await signedFetch(server.url, ocrPath(), { image, return_portrait_image: true }, { now: Date.now() });
    const hw = (await huawei.json()).result;
    const token = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { id: 'p1' } } } }),
    });
    const subject = token.headers.get('x-subject-token')!;
    await fetch(`${server.url}${ocrPath('p1')}`, { method: 'POST', headers: { 'X-Auth-Token': subject }, body: JSON.stringify({ image }) });

    const text = JSON.stringify(await journal()) + logged.map((e) => requestLogLine(e, 'json') + requestLogLine(e, 'pretty')).join('\n');
    for (const secret of [person.IdNum!, person.Name!, hw.number, hw.name, image.slice(100, 160), hw.portrait_image.slice(100, 160), SECRET_KEY, WELL_KNOWN.huawei.sk, WELL_KNOWN.huawei.password, subject]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(`${'*'.repeat(14)}${person.IdNum!.slice(-4)}`);
    expect(text).toContain(`${[...person.Name!][0]}*`);
    expect(text).toMatch(/<image jpg 856x540 \d+ bytes sha256:[0-9a-f]{12}>/);
  });

  it('an entry holds the masked request and response, the status, the decision and its reason', async () => {
    await ocrClient(server.endpoint, { headers: { 'X-Mock-Scenario': 'warning:copy' } }).IDCardOCR({ ImageBase64: image });
    const e = (await journal('?api=IDCardOCR')).at(-1)!;
    expect(e).toMatchObject({ caller: WELL_KNOWN.tencent.secretId, style: 'tc3-json', status: 200, outcome: 'ok', rule: 'header', scenarios: ['warning:copy'] });
    expect(e.notices).toEqual(['warning -9102 held back: the request did not turn on Config.CopyWarn']);
    expect(e.request).toMatchObject({ method: 'POST', path: '/', params: { ImageBase64: expect.stringMatching(/^<image jpg/) } });
    expect(e.request!.headers.authorization).toMatch(/Signature=<hidden>$/);
    expect((e.response!.body as { Response: { IdNum: string } }).Response.IdNum).toMatch(/^\*{14}\d{3}[\dX]$/);
  });

  it('filters by API, caller, outcome and time', async () => {
    // A server of its own on the emulated clock: the journal holds exactly these three calls, a minute apart.
    let clock = Date.parse('2026-03-01T04:00:00Z');
    const own = await startServer({ now: () => clock });
    try {
      const body = JSON.stringify({ ImageBase64: image });
      const tencent = async (headers: Record<string, string> = {}) =>
        (await fetch(own.url, { method: 'POST', headers: tc3Headers({ host: own.endpoint, body, timestamp: Math.floor(clock / 1000), headers }), body })).arrayBuffer();
      await tencent();
      clock += 60_000;
      const since = new Date(clock).toISOString();
      await tencent({ 'X-Mock-Scenario': 'FailedOperation.OcrFailed' });
      clock += 60_000;
      await (await signedFetch(own.url, ocrPath(), { image }, { now: clock })).arrayBuffer();
      const seen = async (query: string): Promise<string[]> => ((await (await fetch(`${own.url}/__mock/journal${query}`)).json()) as JournalEntry[])
        .map((e) => `${e.time} ${e.caller} ${e.action} ${e.outcome}`);
      const [first, failed, huawei] = [
        `2026-03-01T04:00:00.000Z ${WELL_KNOWN.tencent.secretId} IDCardOCR ok`,
        `2026-03-01T04:01:00.000Z ${WELL_KNOWN.tencent.secretId} IDCardOCR FailedOperation.OcrFailed`,
        `2026-03-01T04:02:00.000Z ${WELL_KNOWN.huawei.ak} RecognizeIdCard ok`,
      ];
      expect(await seen('')).toEqual([first, failed, huawei]);
      expect(await seen('?api=IDCardOCR')).toEqual([first, failed]);
      expect(await seen('?api=RecognizeIdCard')).toEqual([huawei]);
      expect(await seen(`?caller=${WELL_KNOWN.huawei.ak}`)).toEqual([huawei]);
      expect(await seen(`?caller=${WELL_KNOWN.tencent.secretId}`)).toEqual([first, failed]);
      expect(await seen('?outcome=ok')).toEqual([first, huawei]);
      expect(await seen('?outcome=FailedOperation.OcrFailed')).toEqual([failed]);
      expect(await seen(`?since=${encodeURIComponent(since)}`)).toEqual([failed, huawei]);
      expect(await seen(`?since=${Date.parse(since)}&api=IDCardOCR`)).toEqual([failed]);
      expect((await fetch(`${own.url}/__mock/journal?since=yesterday`)).status).toBe(400);
    } finally {
      await own.close();
    }
  });

  it('a parameter nested deeper than JSON.stringify recurses: the vendor\'s error for its type, and the journal shows it cut', async () => {
    const send = async (config: string) => {
      const body = `{"ImageBase64":"${image}","Config":${config}}`;
      const res = await fetch(server.url, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body }), body });
      return ((await res.json()) as { Response: { RequestId: string; Error?: { Code: string } } }).Response;
    };
    const shallow = await send('{"a":1}');
    const deep = await send(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
    expect(shallow.Error?.Code).toBeDefined();
    expect(deep.Error?.Code).toBe(shallow.Error?.Code);
    const e = (await journal()).find((x) => x.requestId === deep.RequestId);
    expect(e, 'the request is in the journal').toBeDefined();
    expect(JSON.stringify(e!.request!.params)).toContain('<nested too deep>');
    expect(e!.notices.join(' ')).toContain('<nested too deep>');
  });
});

describe('signature diagnostics: the likely cause, our canonical request and string to sign', () => {
  const lastDiagnosis = async () => (await journal()).at(-1)!.diagnosis!;
  const post = (headers: Record<string, string>, body: string) => fetch(server.url, { method: 'POST', headers, body });

  it('a wrong secret key: the vendor\'s answer unchanged, the diagnosis in the journal, the log and X-Mock-Signature-Debug', async () => {
    const body = JSON.stringify({ ImageBase64: image });
    const res = await post(tc3Headers({ host: server.endpoint, body, secretKey: 'WRONG' }), body);
    expect((await res.json()).Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    const d = await lastDiagnosis();
    expect(d.cause).toMatch(/wrong secret key/);
    expect(d.canonicalRequest).toMatch(/^POST\n\/\n\ncontent-type:application\/json\nhost:127\.0\.0\.1:\d+\n\ncontent-type;host\n[0-9a-f]{64}$/);
    expect(d.stringToSign).toMatch(/^TC3-HMAC-SHA256\n\d+\n\d{4}-\d{2}-\d{2}\/ocr\/tc3_request\n[0-9a-f]{64}$/);
    expect(JSON.parse(Buffer.from(res.headers.get('x-mock-signature-debug')!, 'base64').toString())).toEqual(d);
    expect(requestLogLine(logged.at(-1)!, 'pretty')).toContain('canonical request:');
  });

  it('the body changed after signing', async () => {
    const signed = JSON.stringify({ ImageBase64: image });
    const headers = tc3Headers({ host: server.endpoint, body: signed, headers: { 'X-TC-Content-Sha256': require256(signed) } });
    await post(headers, JSON.stringify({ ImageBase64: image, CardSide: 'BACK' }));
    expect((await lastDiagnosis()).cause).toMatch(/^the body changed after signing/);
  });

  it('a header signed differently: the content type', async () => {
    const body = JSON.stringify({ ImageBase64: image });
    const headers = { ...tc3Headers({ host: server.endpoint, body }), 'Content-Type': 'application/json; charset=utf-8' };
    await post(headers, body);
    expect((await lastDiagnosis()).cause).toBe('a header signed differently: content-type was signed as "application/json" but sent as "application/json; charset=utf-8"');
  });

  it('a credential date that is not the UTC date of the timestamp', async () => {
    const body = '{}';
    const timestamp = Math.floor(Date.now() / 1000);
    const tomorrow = new Date((timestamp + 86400) * 1000).toISOString().slice(0, 10);
    const res = await post(tc3Headers({ host: server.endpoint, body, timestamp, date: tomorrow }), body);
    expect((await res.json()).Response.Error.Code).toBe('AuthFailure.SignatureExpire');
    expect((await lastDiagnosis()).cause).toMatch(new RegExp(`^the credential date ${tomorrow} is not the UTC date of X-TC-Timestamp`));
  });

  it('clock skew of N seconds', async () => {
    const body = '{}';
    await post(tc3Headers({ host: server.endpoint, body, timestamp: Math.floor(Date.now() / 1000) - 600 }), body);
    expect((await lastDiagnosis()).cause).toMatch(/^clock skew of -60\d seconds/);
  });

  it('Huawei: a wrong SK gets APIG.0301 and our canonical request', async () => {
    const res = await signedFetch(server.url, ocrPath(), { image }, { now: Date.now(), sk: 'WRONG' });
    expect((await res.json()).error_code).toBe('APIG.0301');
    const d = await lastDiagnosis();
    expect(d.cause).toMatch(/wrong secret key \(SK\)/);
    expect(d.canonicalRequest).toContain('/ocr/id-card/\n');
  });
});

function require256(text: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- one hash, no import churn
  return (require('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text).digest('hex');
}
