import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { describeComparisonCodes, faceidCatalogs } from '../helpers/faceidCompareTable.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * CheckIdCardInformation (身份证人像照片验真) through the faceid client of tencentcloud-sdk-nodejs: the
 * person IDCardOCR reads from the same portrait side, put on record for the verification APIs; the
 * Config warnings that stop the comparison; every Result value of results.json by scenario, each a
 * success answer; every action error code by name.
 */
type Answer = Record<string, unknown>;
const { results } = faceidCatalogs('CheckIdCardInformation');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

const card = (seed: string, markers: Record<string, string> = { card: 'mainland', side: 'front' }): string => makeCardImage({ seed, markers }).toString('base64');
const check = (req: Record<string, unknown>, headers?: Record<string, string>, language?: 'en-US' | 'zh-CN'): Promise<Answer> =>
  faceidClient(server.endpoint, { headers, language }).CheckIdCardInformation(req) as Promise<Answer>;

describe('CheckIdCardInformation: the card read and compared', () => {
  it('reads the person IDCardOCR reads from the same image, Success with a similarity of the same person (70 and more)', async () => {
    const image = card('check-same');
    const ocr = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const v = await check({ ImageBase64: image });
    expect(v).toMatchObject({ Result: 'Success', Description: results.Success!.zh, Name: ocr.Name, IdNum: ocr.IdNum, Sex: ocr.Sex, Nation: ocr.Nation, Birth: ocr.Birth, Address: ocr.Address, Warnings: '', Quality: 0, Encryption: null });
    expect(Number(v.Sim)).toBeGreaterThanOrEqual(70);
    expect(String(v.Portrait)).toMatch(/^\/9j\//);
    // The same image answers the same.
    expect((await check({ ImageBase64: image })).Sim).toBe(v.Sim);
  });

  it('puts the person on record: IdCardVerification then matches the name read and not another', async () => {
    const v = await check({ ImageBase64: card('check-register') });
    const faceid = faceidClient(server.endpoint);
    expect((await faceid.IdCardVerification({ Name: String(v.Name), IdCard: String(v.IdNum) })).Result).toBe('0');
    expect((await faceid.IdCardVerification({ Name: v.Name === '张伟' ? '李娜' : '张伟', IdCard: String(v.IdNum) })).Result).toBe('-1');
  });

  it('stops at a warning Config asks for: FailedOperation.OcrWarningOccurred, Sim 0, the fields still read', async () => {
    const image = card('check-warned');
    const config = JSON.stringify({ BorderCheckWarn: true, Quality: true });
    const v = await check({ ImageBase64: image, Config: config }, { 'X-Mock-Scenario': 'warning:-9101' });
    expect(v).toMatchObject({ Result: 'FailedOperation.OcrWarningOccurred', Description: results['FailedOperation.OcrWarningOccurred']!.zh, Warnings: '-9101', Sim: 0 });
    expect(v.IdNum).toBe((await check({ ImageBase64: image })).IdNum);
    // The same condition, not asked for in Config: no warning, and the comparison goes on.
    const unasked = await check({ ImageBase64: image }, { 'X-Mock-Scenario': 'warning:-9101' });
    expect(unasked).toMatchObject({ Result: 'Success', Warnings: '' });
  });

  it('answers the documented image errors', async () => {
    expect((await sdkError(check({}))).code).toBe('InvalidParameter');
    expect((await sdkError(check({ ImageBase64: 'bm90IGFuIGltYWdl' }))).code).toBe('FailedOperation.ImageDecodeFailed');
    expect((await sdkError(check({ ImageBase64: card('check-back', { card: 'mainland', side: 'back' }) }))).code).toBe('FailedOperation.ImageNoIdCard');
  });

  it('says so when asked to encrypt the answer, which it does not', async () => {
    // The notice is a response header, which the SDK does not show: a plain request to a server that does not check signatures.
    const off = await startServer({ rateLimit: false, auth: 'off' });
    try {
      const r = await fetch(`${off.url}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-TC-Action': 'CheckIdCardInformation', 'X-TC-Version': '2018-03-01' },
        body: JSON.stringify({ ImageBase64: card('check-encrypt'), IsEncrypt: true }),
      });
      expect(r.headers.get('x-mock-notice')).toMatch(/IsEncrypt and IsEncryptResponse are not emulated/);
      expect(((await r.json()) as { Response: Answer }).Response.Result).toBe('Success');
    } finally {
      await off.close();
    }
  });
});

describeComparisonCodes('CheckIdCardInformation', (headers, language) => check({ ImageBase64: card('check-result') }, headers, language), { errors: 32, perSecond: 100 });
