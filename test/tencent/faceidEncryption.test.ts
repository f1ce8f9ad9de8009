import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, publicEncrypt, randomBytes } from 'node:crypto';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { encryptWithTestKey, TEST_IV, testPublicKey } from '../helpers/encryptWithTestKey.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * Encryption on the two name + ID number verifications, one table (faceid 2018-03-01, tencentcloud-sdk-nodejs,
 * TC3): IdCardOCRVerification echoes Name and IdCard as sent (the ciphertext, which the caller can decrypt),
 * and also takes an image, whose fields cannot be encrypted; IdCardVerification answers only Result,
 * Description and RequestId. The other APIs' Encryption: test/verification.sdk.test.ts.
 */
let server: TestServer;
let publicKey: string;
beforeAll(async () => {
  server = await startServer({ rateLimit: false });
  publicKey = await testPublicKey(server.url);
});
afterAll(() => server.close());

const encrypt = (fields: Record<string, string>, o: { key?: Buffer; oaepHash?: string } = {}) => encryptWithTestKey(publicKey, fields, o);
type Answer = Record<string, string | undefined>;
const APIS = [
  {
    action: 'IdCardOCRVerification',
    answered: (v: Answer, sent: Record<string, string>) => expect([v.Name, v.IdCard]).toEqual([sent.Name, sent.IdCard]),
    takesImage: true,
  },
  {
    action: 'IdCardVerification',
    answered: (v: Answer) => expect(Object.keys(v).sort()).toEqual(['Description', 'RequestId', 'Result']),
    takesImage: false,
  },
] as const;

describe.each(APIS)('$action with Encryption', ({ action, answered, takesImage }) => {
  const verify = (req: Record<string, unknown>) => (faceidClient(server.endpoint) as unknown as Record<string, (r: unknown) => Promise<Answer>>)[action]!(req);

  it('the emulator serves the published test public key', () => expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/));

  it('decrypts Name and IdCard made with the test key and verifies them (0, then -1, then -2)', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: makeCardImage({ seed: `enc-${action}` }).toString('base64') });
    const ok = encrypt({ Name: read.Name!, IdCard: read.IdNum! });
    const v = await verify({ ...ok.params, Encryption: ok.Encryption });
    expect(v.Result).toBe('0');
    answered(v, ok.params);
    const sha1 = encrypt({ Name: '另一人', IdCard: read.IdNum! }, { oaepHash: 'sha1' });
    expect((await verify({ ...sha1.params, Encryption: sha1.Encryption })).Result).toBe('-1');
    const onlyId = encrypt({ IdCard: '11204416541220243Y' });
    expect((await verify({ Name: '韦小宝', ...onlyId.params, Encryption: onlyId.Encryption })).Result).toBe('-2');
  });

  it('treats a CiphertextBlob not made with the test key, and SM4-GCM, as opaque', async () => {
    const foreign = { EncryptList: ['Name', 'IdCard'], CiphertextBlob: randomBytes(256).toString('base64'), Iv: TEST_IV };
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
    if (takesImage) {
      // The fields read from an image are not the caller's to encrypt.
      expect((await call({ ...ok.Encryption, EncryptList: ['Name', 'IdCard'] }, { Name: ok.params.Name, ImageBase64: makeCardImage().toString('base64') })).code)
        .toBe('InvalidParameter.UnsupportEncryptField');
    }
    expect((await call({ ...ok.Encryption, EncryptList: ['Phone'] })).code).toBe('InvalidParameter.UnsupportEncryptField');
    expect((await call({ ...ok.Encryption, Iv: 'short' })).code).toBe('InvalidParameterValue');
    expect((await call({ ...ok.Encryption, Algorithm: 'DES' })).code).toBe('InvalidParameterValue');
    const { Iv: _iv, ...noIv } = ok.Encryption;
    expect((await call(noIv)).code).toBe('MissingParameter');
  });
});
