import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import luhn from 'luhn';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sandboxHome, sdkError } from '../helpers/huaweiOcrClient.ts';
import { ocrClient as tencentOcrClient } from '../helpers/tencentClients.ts';
import { PROJECT_ID, signedFetch } from '../helpers/huaweiSign.ts';
import { loadData } from '../../src/data/loadData.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// RecognizeBankcard (POST /v2/{project_id}/ocr/bankcard) through @huaweicloud/huaweicloud-sdk-core with AK/SK
// signing, built as the generated OcrClient.recognizeBankcard builds it, and with an IAM token.
let server: TestServer;
beforeAll(async () => {
  sandboxHome();
  server = await startServer({ rateLimit: false, now: standingClock() });
});
afterAll(() => server.close());

const image = (seed: string, markers?: Record<string, string | string[]>): string => makeCardImage({ seed, markers }).toString('base64');
const client = () => ocrClient(server.url, { projectId: PROJECT_ID });
type Result = Record<string, unknown> & { card_number: string; confidence: Record<string, number> };
const recognize = async (body: Record<string, unknown>): Promise<Result> => (await client().recognizeBankcard({ body })).result as Result;

describe('RecognizeBankcard through the Node SDK core', () => {
  it.each(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])('answers a valid card in the API page\'s formats (image %s)', async (seed) => {
    const r = await recognize({ image: image(seed) });
    expect(Object.keys(r).sort()).toEqual(['bank_name', 'card_number', 'confidence', 'expiry_date', 'issue_date', 'type']);
    expect(r.card_number).toMatch(/^\d{4}( \d{4})* ?\d{0,4}$/);
    expect(luhn.validate(r.card_number.replaceAll(' ', ''))).toBe(true);
    expect(r.bank_name).toMatch(/银行$/);
    expect(['借记卡', '信用卡']).toContain(r.type);
    for (const d of [r.issue_date, r.expiry_date]) expect(d).toMatch(/^(0[1-9]|1[0-2])\/\d{2}$/);
    const [im, iy] = (r.issue_date as string).split('/').map(Number), [em, ey] = (r.expiry_date as string).split('/').map(Number);
    expect((ey! - iy!) * 12 + em! - im!).toBe(r.type === '借记卡' ? 120 : 60);
    expect(Object.keys(r.confidence).sort()).toEqual(['bank_name', 'card_number', 'expiry_date', 'issue_date', 'type']);
    for (const c of Object.values(r.confidence)) expect(c >= 0 && c <= 1).toBe(true);
  });

  it('is the card Tencent BankCardOCR reads in the same image', async () => {
    const r = await recognize({ image: image('both') });
    const t = await tencentOcrClient(server.endpoint).BankCardOCR({ ImageBase64: image('both') });
    expect(r.card_number.replaceAll(' ', '')).toBe(t.CardNo);
    expect(t.BankInfo).toBe(`${r.bank_name as string}(${/\((\d{8})\)$/.exec(t.BankInfo!)![1]})`);
  });

  it('answers the scenario the page\'s own example shows: a type not recognised', async () => {
    const res = await ocrClient(server.url, { projectId: PROJECT_ID }).recognizeBankcard({ body: { image: image('t', { scenario: ['type-unrecognised'] }) } });
    expect(res.result).toMatchObject({ type: '', confidence: { type: 0 } });
  });

  it('an ID card is AIS.0104, neither image nor url AIS.0101, a wrong SK APIG.0301', async () => {
    expect(await sdkError(recognize({ image: image('x', { card: 'mainland', side: 'FRONT' }) }))).toMatchObject({ httpStatusCode: 400, errorCode: 'AIS.0104' });
    expect(await sdkError(recognize({}))).toMatchObject({ httpStatusCode: 400, errorCode: 'AIS.0101' });
    const wrong = ocrClient(server.url, { projectId: PROJECT_ID, sk: 'WRONGSK' }).recognizeBankcard({ body: { image: image('x') } });
    expect(await sdkError(wrong)).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301' });
  });

  it('takes an IAM token instead of a signature, as the id-card API does', async () => {
    const iam = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json;charset=utf8' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { name: 'cn-north-4' } } } }),
    });
    const token = iam.headers.get('x-subject-token')!;
    const projectId = ((await iam.json()) as { token: { project: { id: string } } }).token.project.id;
    const res = await fetch(`${server.url}/v2/${projectId}/ocr/bankcard`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token }, body: JSON.stringify({ image: image('tok') }) });
    expect(res.status).toBe(200);
    expect(luhn.validate(((await res.json()) as { result: Result }).result.card_number.replaceAll(' ', ''))).toBe(true);
    const bad = await fetch(`${server.url}/v2/${projectId}/ocr/bankcard`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': 'MIInotatoken' }, body: JSON.stringify({ image: image('tok') }) });
    expect(bad.status).toBe(401);
  });
});

describe('RecognizeBankcard coverage', () => {
  it('reaches 100 % once every error of the data has been asked for through the SDK', async () => {
    const fresh = await startServer({ rateLimit: false, now: standingClock() });
    try {
      const data = loadData(new URL('../../', import.meta.url).pathname);
      const api = data.apis.get('huawei:RecognizeBankcard')!;
      const codes = [...new Set([...Object.keys(api.errors), ...Object.keys(data.commonErrors.huawei ?? {})])];
      expect(Object.keys(api.warnings)).toEqual([]);
      for (const code of codes) {
        await signedFetch(fresh.url, `/v2/${PROJECT_ID}/ocr/bankcard`, { image: image('cov') }, { now: Date.now(), headers: { 'X-Mock-Scenario': code } });
      }
      const report = await (await fetch(`${fresh.url}/__mock/coverage`)).json() as Record<string, { percent: number; total: number }>;
      expect(report['huawei:RecognizeBankcard']).toMatchObject({ percent: 100, total: codes.length });
    } finally {
      await fresh.close();
    }
  });
});
