import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * IdCardVerification (身份信息认证（二要素核验）, faceid 2018-03-01) through the faceid client of
 * tencentcloud-sdk-nodejs (TC3 signing): Name + IdCard (both required), optional Encryption; the answer
 * is only Result, Description and RequestId: what only it does (its parameters; its Encryption: faceidEncryption.test.ts). What it shares
 * with IdCardOCRVerification and Alibaba's Id2MetaVerify (Result codes, register, limits, error codes): test/verification.sdk.test.ts.
 */
type Verification = Record<string, string | undefined>;

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const card = (seed: string): string => makeCardImage({ seed }).toString('base64');
// Requests are built loosely on purpose (some tests leave out a required field); the SDK sends what it gets.
const verify = (req: Record<string, unknown>, headers?: Record<string, string>, s: TestServer = server): Promise<Verification> =>
  faceidClient(s.endpoint, { headers }).IdCardVerification(req as { IdCard: string; Name: string }) as Promise<Verification>;
const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR

describe('IdCardVerification: the identity register', () => {
  it('shares the register with IdCardOCRVerification: a person it read from an image is on record', async () => {
    const seen = await faceidClient(server.endpoint).IdCardOCRVerification({ ImageBase64: card('iv-register-2') });
    expect((await verify({ Name: seen.Name, IdCard: seen.IdCard })).Result).toBe('0');
  });
});

describe('IdCardVerification: parameters', () => {
  it('requires both Name and IdCard, and has no image parameters', async () => {
    expect(await sdkError(verify({ Name: '韦小宝' }))).toMatchObject({ code: 'MissingParameter' });
    expect(await sdkError(verify({ IdCard: VALID_UNKNOWN_ID }))).toMatchObject({ code: 'MissingParameter' });
    expect(await sdkError(verify({ Name: '韦小宝', IdCard: VALID_UNKNOWN_ID, ImageBase64: card('iv-no-image') }))).toMatchObject({ code: 'UnknownParameter' });
    expect(await sdkError(verify({ Name: '韦小宝', IdCard: VALID_UNKNOWN_ID, Config: '{}' }))).toMatchObject({ code: 'UnknownParameter' });
  });
});
