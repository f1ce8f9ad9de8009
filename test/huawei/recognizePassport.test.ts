import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'mrz';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sandboxHome, sdkError } from '../helpers/huaweiOcrClient.ts';
import { PROJECT_ID } from '../helpers/huaweiSign.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// RecognizePassport through @huaweicloud/huaweicloud-sdk-core's AK/SK signing (the generated
// OcrClient.recognizePassport's request), and with an IAM token; the MRZ lines judged by the `mrz`
// package, not by our code.
type Result = Record<string, unknown> & { confidence: Record<string, number>; extra_info: Record<string, Record<string, string>> };

let server: TestServer;
beforeAll(async () => {
  sandboxHome();
  server = await startServer({ rateLimit: false, now: standingClock() });
});
afterAll(() => server.close());

const image = (seed: string, markers?: Record<string, string>): string => makeCardImage({ seed, markers }).toString('base64');
const read = async (body: Record<string, unknown>): Promise<Result> =>
  (await ocrClient(server.url, { projectId: PROJECT_ID }).recognizePassport({ body })).result as Result;
const MRZ_FIELDS = ['country_code', 'date_of_birth', 'date_of_expiry', 'given_name', 'passport_number', 'sex', 'surname'];

/** The first images, in order, whose passports are (not) Chinese: the reader the service picks depends on it. */
async function passports(chinese: boolean, count: number): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; found.length < count && i < 200; i++) {
    const r = await read({ image: image(`passport-${i}`), country_code: 'GENERAL' });
    if ((r.country_code === 'CHN') === chinese) found.push(image(`passport-${i}`));
  }
  return found;
}

describe('RecognizePassport', () => {
  it('reads every MRZ as a valid TD3 zone (mrz package), and the fields are the ones parsed from it', async () => {
    const states = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const r = await read({ image: image(`passport-${i}`), country_code: 'GENERAL' });
      expect(Object.keys(r).sort()).toEqual([...MRZ_FIELDS, 'confidence', 'extra_info', 'machine_code', 'machine_code2'].sort());
      const mrz = parse([r.machine_code as string, r.machine_code2 as string]);
      expect(mrz.valid, JSON.stringify(mrz.details.filter((d) => !d.valid))).toBe(true);
      expect(mrz.format).toBe('TD3');
      const f = mrz.fields;
      expect(f.documentCode![0]).toBe('P');
      expect(r.country_code).toBe(f.issuingState);
      expect(r.passport_number).toBe(f.documentNumber);
      expect(r.surname).toBe(f.lastName);
      expect(r.given_name).toBe(f.firstName);
      expect(r.sex).toBe(f.sex === 'male' ? 'M' : 'F');
      expect(String(r.date_of_birth).slice(2).replaceAll('-', '')).toBe(f.birthDate);
      expect(String(r.date_of_expiry).slice(2).replaceAll('-', '')).toBe(f.expirationDate);
      expect(String(r.date_of_expiry) > '2026-12-05').toBe(true);
      expect(Object.keys(r.confidence).sort()).toEqual(MRZ_FIELDS);
      for (const v of Object.values(r.confidence)) expect(v).toBeGreaterThan(0.9);
      states.add(String(r.country_code));
    }
    expect(states.size).toBeGreaterThan(4);
    expect(states.has('CHN')).toBe(true);
  }, 30_000);

  it('a Chinese passport, read automatically: every field, the Chinese ones in extra_info, names in pinyin', async () => {
    const [chinese] = await passports(true, 1);
    const r = await read({ image: chinese });
    expect(r).toMatchObject({ passport_type: 'P', country_code: 'CHN', nationality: 'CHINESE' });
    expect(r.passport_number).toMatch(/^E([A-Z]\d{7}|\d{8})$/);
    expect(r.surname).toMatch(/^[A-Z]+$/);
    expect(r.given_name).toMatch(/^[A-Z]+$/);
    expect(r.date_of_issue! < r.date_of_expiry!).toBe(true);
    expect(r.place_of_birth).toMatch(/^[A-Z]+$/);
    expect(r.extra_info.local_language).toMatchObject({ nationality: '中国', sex: r.sex === 'M' ? '男' : '女' });
    expect(r.extra_info.local_language!.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(r).not.toHaveProperty('machine_code');
    expect(Object.keys(r.confidence)).toHaveLength(13);
    // The same image asked for GENERAL: the MRZ reader, the same person.
    const general = await read({ image: chinese, country_code: 'GENERAL' });
    expect(general.passport_number).toBe(r.passport_number);
    expect(String(general.machine_code).startsWith(`POCHN${r.surname}<<${r.given_name}<`)).toBe(true);
  }, 30_000);

  it('country_code CHN on a foreign passport is AIS.0104; an image marked as another card too; both image and url AIS.0101', async () => {
    const [foreign] = await passports(false, 1);
    expect(await sdkError(read({ image: foreign, country_code: 'CHN' }))).toMatchObject({ httpStatusCode: 400, errorCode: 'AIS.0104' });
    expect(await sdkError(read({ image: image('id', { card: 'mainland' }) }))).toMatchObject({ errorCode: 'AIS.0104' });
    expect(await sdkError(read({ image: foreign, url: 'https://example.com/p.jpg' }))).toMatchObject({ errorCode: 'AIS.0101' });
    expect(await sdkError(read({ image: foreign, country_code: 'china' }))).toMatchObject({ errorCode: 'AIS.0101' });
  }, 30_000);

  it('a named scenario: worn-mrz lowers two confidences and leaves the rest', async () => {
    const client = ocrClient(server.url, { projectId: PROJECT_ID });
    const plain = (await client.recognizePassport({ body: { image: image('passport-1'), country_code: 'GENERAL' } })).result as Result;
    await fetch(`${server.url}/__mock/active`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'worn-mrz' }) });
    try {
      const worn = (await client.recognizePassport({ body: { image: image('passport-1'), country_code: 'GENERAL' } })).result as Result;
      expect(worn.confidence).toEqual({ ...plain.confidence, passport_number: 0.41, date_of_expiry: 0.52 });
      expect(worn.machine_code2).toBe(plain.machine_code2);
    } finally {
      await fetch(`${server.url}/__mock/active`, { method: 'DELETE' });
    }
  });

  it('answers with an IAM token as with AK/SK', async () => {
    const tokenRes = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json;charset=utf8' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'd' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { id: PROJECT_ID } } } }),
    });
    const token = tokenRes.headers.get('x-subject-token')!;
    const res = await fetch(`${server.url}/v2/${PROJECT_ID}/ocr/passport`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token }, body: JSON.stringify({ image: image('passport-0'), country_code: 'GENERAL' }) });
    expect(res.status).toBe(200);
    const body = await res.json() as { result: Result };
    expect(body.result).toEqual(await read({ image: image('passport-0'), country_code: 'GENERAL' }));
  });
});
