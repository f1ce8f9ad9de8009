import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';

export const TEST_IV = 'idcard-mock-iv16';

export interface Encrypted {
  /** Each field's value, AES-256-CBC under the random key and the Iv, in base64. */
  params: Record<string, string>;
  Encryption: { EncryptList: string[]; CiphertextBlob: string; Iv: string; Algorithm: string };
}

/**
 * Fields encrypted as Tencent FaceID documents it (https://cloud.tencent.com/document/product/1007/47180): a
 * random AES-256 key wrapped with the service's public key by RSA-OAEP (here the emulator's published TEST
 * key, `GET /__mock/encryption/public-key`), each listed field AES-256-CBC with the caller's 16-character Iv.
 */
export function encryptWithTestKey(publicKey: string, fields: Record<string, string>, o: { key?: Buffer; oaepHash?: string; iv?: string } = {}): Encrypted {
  const key = o.key ?? randomBytes(32);
  const iv = o.iv ?? TEST_IV;
  const blob = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: o.oaepHash ?? 'sha256' }, key).toString('base64');
  const enc = (v: string): string => {
    const c = createCipheriv('aes-256-cbc', key, Buffer.from(iv));
    return Buffer.concat([c.update(v, 'utf8'), c.final()]).toString('base64');
  };
  return {
    params: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, enc(v)])),
    Encryption: { EncryptList: Object.keys(fields), CiphertextBlob: blob, Iv: iv, Algorithm: 'AES-256-CBC' },
  };
}

/** The emulator's published test public key. */
export const testPublicKey = async (url: string): Promise<string> => (await fetch(`${url}/__mock/encryption/public-key`)).text();
