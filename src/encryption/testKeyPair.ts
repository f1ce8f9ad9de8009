import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyPair { publicKey: string; privateKey: string }

const cache = new Map<string, KeyPair>();

/**
 * The emulator's published TEST RSA key pair (keys/ beside schemas/, PEM), standing in for the
 * public key Tencent hands to customers for IdCardOCRVerification's Encryption
 * (https://cloud.tencent.com/document/product/1007/47180). The private key is public: nothing
 * encrypted with this pair is secret.
 */
export function testKeyPair(dataDir: string): KeyPair {
  let pair = cache.get(dataDir);
  if (!pair) {
    const read = (name: string): string => readFileSync(join(dataDir, 'keys', name), 'utf8');
    pair = { publicKey: read('test-encryption-public.pem'), privateKey: read('test-encryption-private.pem') };
    cache.set(dataDir, pair);
  }
  return pair;
}
