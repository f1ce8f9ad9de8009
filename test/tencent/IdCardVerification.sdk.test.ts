import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * IdCardVerification (身份信息认证（二要素核验）, faceid 2018-03-01) through the faceid client of
 * tencentcloud-sdk-nodejs (TC3 signing): Name + IdCard (both required), optional Encryption; the answer
 * is only Result, Description and RequestId: what only it does (its parameters, Encryption). What it shares
 * with IdCardOCRVerification and Alibaba's Id2MetaVerify (Result codes, register, limits, error codes): test/verification.sdk.test.ts.
 */
type Verification = Record<string, string | undefined>;

let server: TestServer;
let publicKey: string;
beforeAll(async () => {
  server = await startServer({ rateLimit: false });
  publicKey = await (await fetch(`${server.url}/__mock/encryption/public-key`)).text();
});
afterAll(() => server.close());

const card = (seed: string): string => makeCardImage({ seed }).toString('base64');
// Requests are built loosely on purpose (some tests leave out a required field); the SDK sends what it gets.
const verify = (req: Record<string, unknown>, headers?: Record<string, string>, s: TestServer = server): Promise<Verification> =>
  faceidClient(s.endpoint, { headers }).IdCardVerification(req as { IdCard: string; Name: string }) as Promise<Verification>;
const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR
const ANSWER_KEYS = ['Description', 'RequestId', 'Result'];

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

/**
 * Encryption as the vendor documents it (https://cloud.tencent.com/document/product/1007/47180): a random
 * AES-256 key wrapped with the service's public key (here the emulator's published TEST key, keys/), each
 * listed field AES-256-CBC with the caller's 16-character Iv.
 */
const IV = 'idcard-mock-iv16';
function encrypt(fields: Record<string, string>, key = randomBytes(32), oaepHash = 'sha256') {
  const blob = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, key).toString('base64');
  const enc = (v: string): string => {
    const c = createCipheriv('aes-256-cbc', key, Buffer.from(IV));
    return Buffer.concat([c.update(v, 'utf8'), c.final()]).toString('base64');
  };
  return {
    params: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, enc(v)])),
    Encryption: { EncryptList: Object.keys(fields), CiphertextBlob: blob, Iv: IV, Algorithm: 'AES-256-CBC' },
  };
}

describe('IdCardVerification with Encryption', () => {
  it('serves the published test public key', () => expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/));

  it('decrypts Name and IdCard made with the test key and verifies them (0, then -1, then -2)', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('iv-enc') });
    const ok = encrypt({ Name: read.Name!, IdCard: read.IdNum! });
    const v = await verify({ ...ok.params, Encryption: ok.Encryption });
    expect(v.Result).toBe('0');
    expect(Object.keys(v).sort()).toEqual(ANSWER_KEYS); // nothing echoed, unlike IdCardOCRVerification
    const sha1 = encrypt({ Name: '另一人', IdCard: read.IdNum! }, randomBytes(32), 'sha1');
    expect((await verify({ ...sha1.params, Encryption: sha1.Encryption })).Result).toBe('-1');
    const onlyId = encrypt({ IdCard: '11204416541220243Y' });
    expect((await verify({ Name: '韦小宝', ...onlyId.params, Encryption: onlyId.Encryption })).Result).toBe('-2');
  });

  it('treats a CiphertextBlob not made with the test key, and SM4-GCM, as opaque', async () => {
    const foreign = { EncryptList: ['Name', 'IdCard'], CiphertextBlob: randomBytes(256).toString('base64'), Iv: IV };
    expect((await verify({ Name: 'b3BhcXVl', IdCard: 'b3BhcXVl', Encryption: foreign })).Result).toBe('0');
    const sm4 = { ...foreign, Algorithm: 'SM4-GCM', TagList: ['dGFn', 'dGFn'] };
    expect((await verify({ Name: 'b3BhcXVl', IdCard: 'b3BhcXVl', Encryption: sm4 })).Result).toBe('0');
  });

  it('answers FailedOperation.DecryptSystemError when the test key is used but a field does not decrypt', async () => {
    const ok = encrypt({ Name: '韦小宝', IdCard: '110101198003074413' });
    expect((await sdkError(verify({ ...ok.params, Name: 'bm90IGVuY3J5cHRlZA==', Encryption: ok.Encryption }))).code).toBe('FailedOperation.DecryptSystemError');
    const shortKey = { ...ok.Encryption, CiphertextBlob: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, randomBytes(16)).toString('base64') };
    expect((await sdkError(verify({ ...ok.params, Encryption: shortKey }))).code).toBe('FailedOperation.DecryptSystemError');
  });

  it('validates the Encryption object', async () => {
    const ok = encrypt({ Name: '韦小宝', IdCard: '110101198003074413' });
    const call = (enc: Record<string, unknown>) => sdkError(verify({ ...ok.params, Encryption: enc }));
    expect((await call({ ...ok.Encryption, EncryptList: ['Phone'] })).code).toBe('InvalidParameter.UnsupportEncryptField');
    expect((await call({ ...ok.Encryption, Iv: 'short' })).code).toBe('InvalidParameterValue');
    expect((await call({ ...ok.Encryption, Algorithm: 'DES' })).code).toBe('InvalidParameterValue');
    const { Iv: _iv, ...noIv } = ok.Encryption;
    expect((await call(noIv)).code).toBe('MissingParameter');
  });
});
