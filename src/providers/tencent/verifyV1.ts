import { createHmac } from 'node:crypto';
import { MockError } from '../../errors.ts';
import { hostForms, safeEqual } from './hostForms.ts';
import type { TencentRequest } from './decodeRequest.ts';

const ALGORITHMS: Record<string, string> = { HmacSHA1: 'sha1', HmacSHA256: 'sha256' };

/** The structural checks of a v1 (HmacSHA1/HmacSHA256) request: tencent-cloud-api3.md section 3.2. */
export function parseV1(r: TencentRequest, nowSeconds: number): { secretId: string } {
  for (const name of ['SecretId', 'Signature', 'Timestamp', 'Nonce']) {
    if (!r.common[name]) throw new MockError('MissingParameter', { name }, 'name');
  }
  // Python's Nonce goes up to 2^63-1: check it as digits, never as a JS number.
  for (const name of ['Nonce', 'Timestamp']) {
    if (!/^\d+$/.test(r.common[name]!)) throw new MockError('InvalidParameter', { name }, 'type');
  }
  const method = r.common.SignatureMethod ?? 'HmacSHA1';
  if (!ALGORITHMS[method]) throw new MockError('InvalidParameterValue', { name: 'SignatureMethod' });
  if (Math.abs(nowSeconds - Number(r.common.Timestamp)) > 300) throw new MockError('AuthFailure.SignatureExpire');
  return { secretId: r.common.SecretId! };
}

/**
 * `<METHOD><host>/?<k=v sorted by key, raw values, Signature left out>`, HMAC with the SecretKey,
 * base64. The host is the configured endpoint with its port (node and python); Python also replaces
 * `_` by `.` in keys for the string to sign only.
 */
export function verifyV1(r: TencentRequest, secretKey: string): void {
  const algorithm = ALGORITHMS[r.common.SignatureMethod ?? 'HmacSHA1']!;
  const keys = Object.keys(r.signed).filter((k) => k !== 'Signature').sort();
  const variants = new Set([
    keys.map((k) => `${k}=${r.signed[k]}`).join('&'),
    keys.map((k) => `${k.replaceAll('_', '.')}=${r.signed[k]}`).join('&'),
  ]);
  for (const host of hostForms(String(r.headers.host ?? ''))) {
    for (const query of variants) {
      const sig = createHmac(algorithm, secretKey).update(`${r.method}${host}/?${query}`).digest('base64');
      if (safeEqual(sig, r.common.Signature!)) return;
    }
  }
  throw new MockError('AuthFailure.SignatureFailure');
}
