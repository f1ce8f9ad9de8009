import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * IdCardOCRVerification through the faceid client of tencentcloud-sdk-nodejs (TC3 signing): what only it
 * does (images, Config, the intl outputs). What it shares with IdCardVerification
 * (and Alibaba's Id2MetaVerify): test/verification.sdk.test.ts.
 */
type Verification = Record<string, string | number | undefined>;

let server: TestServer;
// A standing clock: a card that expires on the clock's day is shown renewed (startServer.ts standingClock).
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

const card = (seed: string, markers?: Record<string, string | string[]>): string => makeCardImage({ seed, markers }).toString('base64');
const verify = (req: Record<string, unknown>, headers?: Record<string, string>, s: TestServer = server): Promise<Verification> =>
  faceidClient(s.endpoint, { headers }).IdCardOCRVerification(req) as Promise<Verification>;

describe('IdCardOCRVerification: a person read from an image', () => {
  it('reads the same person from the same image as IDCardOCR (Sex, Nation, Birth, Address)', async () => {
    const image = card('same-person');
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const v = await verify({ ImageBase64: image });
    expect(v).toMatchObject({ Result: '0', Name: read.Name, IdCard: read.IdNum, Sex: read.Sex, Nation: read.Nation, Birth: read.Birth, Address: read.Address });
    expect(String(v.Portrait)).toMatch(/^\/9j\//);
  });

  it('puts Name+IdCard before ImageBase64, and ImageBase64 before ImageUrl', async () => {
    const typed = await verify({ Name: '韦小宝', IdCard: '110101198003074413', ImageBase64: 'not base64 at all' });
    expect(typed).toMatchObject({ Result: '0', Name: '韦小宝', Sex: '' });
    const image = card('priority');
    const fromBase64 = await verify({ ImageBase64: image });
    const both = await verify({ ImageBase64: image, ImageUrl: 'https://example.com/other.jpg' });
    expect(both.IdCard).toBe(fromBase64.IdCard);
  });

  it('answers the documented parameter error when neither Name+IdCard nor an image is sent', async () => {
    expect((await sdkError(verify({}))).code).toBe('InvalidParameter');
    expect((await sdkError(verify({ Name: '韦小宝' }))).code).toBe('InvalidParameter');
  });
});

describe('IdCardOCRVerification: domestic-only Config and outputs', () => {
  it('reports Warnings (|-joined) and Quality for an image when Config asks', async () => {
    const config = JSON.stringify({ CopyWarn: true, BorderCheckWarn: true, Quality: true });
    const v = await verify({ ImageBase64: card('warn'), Config: config }, { 'X-Mock-Scenario': 'warning:-9102,warning:-9101,warning:-9103' });
    expect(v.Warnings).toBe('-9102|-9101');
    expect(Number(v.Quality)).toBeGreaterThanOrEqual(50);
    const blurry = await verify({ ImageBase64: card('warn'), Config: config }, { 'X-Mock-Scenario': 'blurry' });
    expect(blurry.Warnings).toBe('-8001');
    expect(Number(blurry.Quality)).toBeLessThan(50);
  });

  it('omits Portrait, Warnings and Quality for intl, with English Descriptions', async () => {
    const intl = await startServer({ rateLimit: false, flavor: 'intl' });
    try {
      const v = await verify({ ImageBase64: card('intl'), Config: JSON.stringify({ Quality: true }) }, undefined, intl);
      expect(Object.keys(v).sort()).toEqual(['Address', 'Birth', 'Description', 'IdCard', 'Name', 'Nation', 'RequestId', 'Result', 'Sex']);
      expect(v.Description).toBe('Name and identity card number match');
    } finally {
      await intl.close();
    }
  });
});

describe('IdCardOCRVerification: real image problems', () => {
  const call = (req: Record<string, unknown>) => sdkError(verify(req));
  it('maps each to its vendor code', async () => {
    expect((await call({ ImageBase64: '' })).code).toBe('FailedOperation.EmptyImageError');
    expect((await call({ ImageBase64: 'bm90IGFuIGltYWdl' })).code).toBe('FailedOperation.ImageDecodeFailed');
    expect((await call({ ImageBase64: card('b', { side: 'BACK' }) })).code).toBe('FailedOperation.ImageNoIdCard');
    expect((await call({ ImageBase64: card('m', { card: 'macao' }) })).code).toBe('FailedOperation.ImageNoIdCard');
    expect((await call({ ImageBase64: Buffer.alloc(3 * 1024 * 1024, 1).toString('base64') })).code).toBe('FailedOperation.ImageSizeTooLarge');
    expect((await call({ ImageBase64: card('c'), Config: '{oops' })).code).toBe('InvalidParameter');
  });
});
