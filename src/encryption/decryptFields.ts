import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';

/** IdCardOCRVerification's Encryption object (tencentcloud-sdk-nodejs faceid_models.d.ts `Encryption`). */
export interface EncryptionParam {
  EncryptList: string[];
  CiphertextBlob: string;
  Iv: string;
  Algorithm?: string;
  TagList?: string[];
}

export type Decrypted =
  /** Not made for the emulator's test key (or SM4-GCM, see below): the values are used as sent. */
  | { status: 'opaque' }
  /** Made for the test key, but the key or a field does not decrypt: the vendor's DecryptSystemError. */
  | { status: 'failed' }
  | { status: 'ok'; values: Record<string, string> };

// The vendor scheme (https://cloud.tencent.com/document/product/1007/47180, "方式二"): the caller
// draws a random symmetric key, encrypts it with the service's public key (CiphertextBlob, Base64),
// and encrypts each listed field with it: AES-256-CBC (PKCS#7 padding, Iv = the 16 characters'
// bytes, Base64 ciphertext) or SM4-GCM. The RSA padding is not published; OAEP is tried with
// SHA-256 then SHA-1 (Node 20 refuses PKCS#1 v1.5 private decryption, CVE-2023-46809).
const OAEP_HASHES = ['sha256', 'sha1'] as const;
const AES_KEY_BYTES = 32;

/**
 * Decrypts the listed fields of `params` with the emulator's published test private key. SM4-GCM is
 * always opaque: Node's OpenSSL has sm4 but no sm4-gcm (`crypto.getCiphers()`).
 */
export function decryptFields(enc: EncryptionParam, params: Record<string, unknown>, privateKeyPem: string): Decrypted {
  if ((enc.Algorithm ?? 'AES-256-CBC') !== 'AES-256-CBC') return { status: 'opaque' };
  const key = unwrapKey(enc.CiphertextBlob, privateKeyPem);
  if (!key) return { status: 'opaque' };
  const iv = Buffer.from(enc.Iv, 'utf8');
  if (key.length !== AES_KEY_BYTES || iv.length !== 16) return { status: 'failed' };
  const values: Record<string, string> = {};
  for (const field of enc.EncryptList) {
    const text = aesDecrypt(String(params[field] ?? ''), key, iv);
    if (text === undefined) return { status: 'failed' };
    values[field] = text;
  }
  return { status: 'ok', values };
}

function unwrapKey(blob: string, privateKeyPem: string): Buffer | undefined {
  const bytes = Buffer.from(blob, 'base64');
  for (const oaepHash of OAEP_HASHES) {
    try {
      return privateDecrypt({ key: privateKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, bytes);
    } catch {
      // not this padding (or not our key): try the next, then treat the blob as opaque
    }
  }
  return undefined;
}

function aesDecrypt(base64: string, key: Buffer, iv: Buffer): string | undefined {
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv);
    const plain = Buffer.concat([decipher.update(Buffer.from(base64, 'base64')), decipher.final()]);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return undefined;
  }
}
