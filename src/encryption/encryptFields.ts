import { constants, createCipheriv, createHash, publicEncrypt } from 'node:crypto';

/** An answer's fields encrypted as decryptFields reads a request's (AES-256-CBC, PKCS#7, IV = 16 characters, Base64), and the wrapped key. */
export interface Encrypted {
  values: Record<string, string>;
  /** The AES key wrapped with the published test public key (RSA-OAEP, SHA-256), Base64. */
  ciphertextBlob: string;
  iv: string;
}

const IV_CHARS = 16;

/**
 * Encrypts `fields` for the caller: the vendor draws the symmetric key and sends it wrapped
 * (https://cloud.tencent.com/document/product/1007/47180); here the key is derived from `keySeed` (so
 * one flow always encrypts alike) and wrapped with the published TEST public key, so that anyone with
 * the published private key (GET /__mock/encryption) reads the answer. `iv` is the caller's 16
 * characters when given, else derived from the seed.
 */
export function encryptFields(fields: Record<string, string>, keySeed: string, publicKeyPem: string, iv?: string): Encrypted {
  const key = createHash('sha256').update(`key\0${keySeed}`).digest();
  const ivText = iv !== undefined && Buffer.byteLength(iv) === IV_CHARS ? iv : createHash('sha256').update(`iv\0${keySeed}`).digest('hex').slice(0, IV_CHARS);
  const values: Record<string, string> = {};
  for (const [name, text] of Object.entries(fields)) {
    const cipher = createCipheriv('aes-256-cbc', key, Buffer.from(ivText, 'utf8'));
    values[name] = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]).toString('base64');
  }
  const ciphertextBlob = publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, key).toString('base64');
  return { values, ciphertextBlob, iv: ivText };
}
