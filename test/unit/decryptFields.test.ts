import { describe, expect, it } from 'vitest';
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { decryptFields } from '../../src/encryption/decryptFields.ts';
import { testKeyPair } from '../../src/encryption/testKeyPair.ts';
import { packageRoot } from '../../src/config.ts';

const { publicKey, privateKey } = testKeyPair(packageRoot);
const IV = '0123456789abcdef';
const wrap = (key: Buffer, oaepHash = 'sha256') => publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, key).toString('base64');
const aes = (text: string, key: Buffer) => {
  const c = createCipheriv('aes-256-cbc', key, Buffer.from(IV));
  return Buffer.concat([c.update(text, 'utf8'), c.final()]).toString('base64');
};

describe('decryptFields', () => {
  it('decrypts AES-256-CBC fields whose key was wrapped with the test public key (OAEP SHA-256 or SHA-1)', () => {
    for (const hash of ['sha256', 'sha1']) {
      const key = randomBytes(32);
      const r = decryptFields({ EncryptList: ['Name'], CiphertextBlob: wrap(key, hash), Iv: IV }, { Name: aes('韦小宝', key) }, privateKey);
      expect(r).toEqual({ status: 'ok', values: { Name: '韦小宝' } });
    }
  });

  it('is opaque for a foreign blob or SM4-GCM, and failed for a bad field', () => {
    expect(decryptFields({ EncryptList: ['Name'], CiphertextBlob: randomBytes(256).toString('base64'), Iv: IV }, { Name: 'x' }, privateKey).status).toBe('opaque');
    const key = randomBytes(32);
    expect(decryptFields({ EncryptList: ['Name'], CiphertextBlob: wrap(key), Iv: IV, Algorithm: 'SM4-GCM' }, { Name: 'x' }, privateKey).status).toBe('opaque');
    expect(decryptFields({ EncryptList: ['Name'], CiphertextBlob: wrap(key), Iv: IV }, { Name: 'bm9wZQ==' }, privateKey).status).toBe('failed');
  });
});
