import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import luhn from 'luhn';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';
import { loadData } from '../../src/data/loadData.ts';
import { withWarningFlag } from '../helpers/sampleRequest.ts';

/** BankCardOCR through the real tencentcloud-sdk-nodejs-ocr client (TC3-HMAC-SHA256). */
interface BankCard {
  CardNo: string; BankInfo: string; ValidDate: string; CardType: string; CardName: string;
  BorderCutImage: string | null; CardNoImage: string | null; WarningCode: number[] | null; QualityValue: number | null;
  CardCategory?: string; RequestId: string;
}

let server: TestServer;
// The SDK signs with the real time, so the emulator's clock stands at it.
const now = new Date();
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock(now.getTime()) }); });
afterAll(() => server.close());

const image = (seed: string, markers?: Record<string, string | string[]>): string => makeCardImage({ seed, markers }).toString('base64');
const recognize = (req: Record<string, unknown>, headers?: Record<string, string>): Promise<BankCard> =>
  ocrClient(server.endpoint, { headers }).BankCardOCR(req) as Promise<BankCard>;
/** MM/YYYY as a number of months, to compare. */
const months = (mmyyyy: string): number => Number(mmyyyy.slice(3)) * 12 + Number(mmyyyy.slice(0, 2)) - 1;

describe('BankCardOCR: the bank card in the image', () => {
  it.each(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'])('answers a valid mainland card, as the vendor example is laid out (image %s)', async (seed) => {
    const r = await recognize({ ImageBase64: image(seed) });
    expect(luhn.validate(r.CardNo), r.CardNo).toBe(true);
    expect(r.CardNo).toMatch(/^\d{15,19}$/);
    const [, bank] = /^(.+)\(\d{8}\)$/.exec(r.BankInfo) ?? [];
    expect(bank, r.BankInfo).toBeDefined();
    expect(['借记卡', '贷记卡']).toContain(r.CardType);
    expect(r.CardName).toBe(`${bank}${r.CardType === '借记卡' ? '借记卡' : '信用卡'}`);
    expect(r.ValidDate).toMatch(/^(0[1-9]|1[0-2])\/\d{4}$/);
    // Not expired: a card is good to the end of its printed month.
    expect(months(r.ValidDate)).toBeGreaterThanOrEqual(now.getUTCFullYear() * 12 + now.getUTCMonth());
    expect(r.CardCategory).toBe('标准实体银行卡');
    expect([r.BorderCutImage, r.CardNoImage, r.WarningCode, r.QualityValue]).toEqual([null, null, null, null]);
  });

  it('answers the same card for the same image, and another for another image', async () => {
    const a = await recognize({ ImageBase64: image('same') });
    const b = await recognize({ ImageBase64: image('same') });
    expect({ ...b, RequestId: '' }).toEqual({ ...a, RequestId: '' });
    expect((await recognize({ ImageBase64: image('other') })).CardNo).not.toBe(a.CardNo);
  });

  it('returns the cut-out card and the number strip as JPEGs, and QualityValue, when asked', async () => {
    const r = await recognize({ ImageBase64: image('opts'), RetBorderCutImage: true, RetCardNoImage: true, EnableQualityValue: true });
    expect(sniffImage(Buffer.from(r.BorderCutImage!, 'base64'))).toEqual({ format: 'jpg', width: 428, height: 270 });
    expect(sniffImage(Buffer.from(r.CardNoImage!, 'base64'))).toEqual({ format: 'jpg', width: 400, height: 48 });
    expect(Number.isInteger(r.QualityValue) && r.QualityValue! >= 0 && r.QualityValue! <= 100).toBe(true);
    expect((await recognize({ ImageBase64: image('opts'), EnableQualityValue: true })).QualityValue).toBe(r.QualityValue);
    const blurry = await recognize({ ImageBase64: image('opts'), EnableQualityValue: true }, { 'X-Mock-Scenario': 'blurry' });
    expect(blurry.QualityValue).toBe(32);
  });

  it('reports a warning only when its check is switched on; the date and glare warnings need no switch', async () => {
    const asked = { ImageBase64: image('w'), EnableCopyCheck: true, EnableReshootCheck: true, EnableBorderCheck: true };
    expect((await recognize(asked, { 'X-Mock-Scenario': 'photocopy' })).WarningCode).toEqual([-9113, -9114]);
    expect((await recognize({ ImageBase64: image('w') }, { 'X-Mock-Scenario': 'photocopy' })).WarningCode).toBeNull();
    expect((await recognize(asked, { 'X-Mock-Scenario': 'warning:border,warning:glare' })).WarningCode).toEqual([-9111, -9112]);
    const expired = await recognize({ ImageBase64: image('w') }, { 'X-Mock-Scenario': 'expired-card' });
    expect([expired.ValidDate, expired.WarningCode]).toEqual(['07/2023', [-9110]]);
  });
});

describe('BankCardOCR: real input problems', () => {
  const call = (req: Record<string, unknown>) => sdkError(recognize(req));

  it('an ID card is not a bank card, and a bank card is not an ID card', async () => {
    expect((await call({ ImageBase64: image('x', { card: 'mainland', side: 'FRONT' }) })).code).toBe('FailedOperation.NoBankCardError');
    const idCard = await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image('x', { card: 'bankcard' }) }));
    expect(idCard.code).toBe('FailedOperation.ImageNoIdCard');
  });

  it('no image, no picture, an image format it does not read', async () => {
    expect((await call({})).code).toBe('InvalidParameterValue.InvalidParameterValueLimit');
    expect((await call({ ImageBase64: Buffer.from('not an image').toString('base64') })).code).toBe('FailedOperation.ImageDecodeFailed');
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    expect((await call({ ImageBase64: gif.toString('base64') })).code).toBe('InvalidParameter.EngineImageDecodeFailed');
  });
});

describe('BankCardOCR coverage', () => {
  it('reaches 100 % once every error and warning of the data has been asked for through the SDK', async () => {
    const fresh = await startServer({ rateLimit: false, now: standingClock(now.getTime()) });
    try {
      const data = loadData(new URL('../../', import.meta.url).pathname);
      const api = data.apis.get('tencent:BankCardOCR')!;
      const common = Object.keys(data.commonErrors.tencent ?? {});
      const asked = [...new Set([...Object.keys(api.errors), ...common])].map((code) => [code, code])
        .concat(Object.keys(api.warnings).map((code) => [`warning:${code}`, code]));
      for (const [scenario, code] of asked) {
        const req = withWarningFlag(api, code!, { ImageBase64: image('cov') });
        await ocrClient(fresh.endpoint, { headers: { 'X-Mock-Scenario': scenario! } }).BankCardOCR(req).catch(() => undefined);
      }
      const report = await (await fetch(`${fresh.url}/__mock/coverage`)).json() as Record<string, { percent: number; total: number }>;
      expect(report['tencent:BankCardOCR']).toMatchObject({ percent: 100, total: asked.length });
    } finally {
      await fresh.close();
    }
  });
});
