import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * Encryption as the vendor documents it (https://cloud.tencent.com/document/product/1007/47180):
 * a random AES-256 key wrapped with the service's public key (here the emulator's published TEST key,
 * fetched from the admin API), each listed field AES-256-CBC with the caller's 16-character Iv.
 */
let server: TestServer;
let publicKey: string;
beforeAll(async () => {
  server = await startServer({ rateLimit: false });
  publicKey = await (await fetch(`${server.url}/__mock/encryption/public-key`)).text();
});
afterAll(() => server.close());

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
const verify = (req: Record<string, unknown>) => faceidClient(server.endpoint).IdCardOCRVerification(req) as Promise<Record<string, string>>;

describe('IdCardOCRVerification with Encryption', () => {
  it('serves the published test public key', () => expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/));

  it('decrypts Name and IdCard made with the test key and verifies them (0, then -1)', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: makeCardImage({ seed: 'enc' }).toString('base64') });
    const ok = encrypt({ Name: read.Name!, IdCard: read.IdNum! });
    const v = await verify({ ...ok.params, Encryption: ok.Encryption });
    expect(v.Result).toBe('0');
    expect(v.Name).toBe(ok.params.Name); // echoed as sent: the ciphertext the caller can decrypt
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
    const call = (enc: Record<string, unknown>, params: Record<string, unknown> = ok.params) => sdkError(verify({ ...params, Encryption: enc }));
    expect((await call({ ...ok.Encryption, EncryptList: ['Name', 'IdCard'] }, { Name: ok.params.Name, ImageBase64: makeCardImage().toString('base64') })).code)
      .toBe('InvalidParameter.UnsupportEncryptField');
    expect((await call({ ...ok.Encryption, EncryptList: ['Phone'] })).code).toBe('InvalidParameter.UnsupportEncryptField');
    expect((await call({ ...ok.Encryption, Iv: 'short' })).code).toBe('InvalidParameterValue');
    expect((await call({ ...ok.Encryption, Algorithm: 'DES' })).code).toBe('InvalidParameterValue');
    const { Iv: _iv, ...noIv } = ok.Encryption;
    expect((await call(noIv)).code).toBe('MissingParameter');
  });
});
