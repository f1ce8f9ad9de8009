import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { roleError, diagnosedError } from '../errors.ts';
import { hostForms, safeEqual } from './hostForms.ts';

const ALGORITHMS: Record<string, string> = { HmacSHA1: 'sha1', HmacSHA256: 'sha256' };

/** What a v1 (HmacSHA1/HmacSHA256) signature covers (签名方法, https://cloud.tencent.com/document/api/213/15693). */
export interface V1Request {
  method: string;
  headers: IncomingHttpHeaders;
  /** The common parameters (SecretId, Signature, Nonce, …) as text. */
  common: Record<string, string>;
  /** Every parameter, common and the action's, as text: the signature is over all of them. */
  signed: Record<string, string>;
}

/** The structural checks of a v1 request, known credential or not. */
export function parseV1(r: V1Request, nowSeconds: number, skewSeconds: number): { secretId: string } {
  for (const name of ['SecretId', 'Signature', 'Timestamp', 'Nonce']) {
    if (!r.common[name]) throw roleError('missingParameter', { name });
  }
  // Python's Nonce goes up to 2^63-1: check it as digits, never as a JS number.
  for (const name of ['Nonce', 'Timestamp']) {
    if (!/^\d+$/.test(r.common[name]!)) throw roleError('wrongType', { name });
  }
  const method = r.common.SignatureMethod ?? 'HmacSHA1';
  if (!ALGORITHMS[method]) throw roleError('invalidValue', { name: 'SignatureMethod' });
  const skew = Number(r.common.Timestamp) - nowSeconds;
  if (Math.abs(skew) > skewSeconds) {
    throw diagnosedError('clockSkew', { cause: `clock skew of ${skew} seconds: Timestamp ${r.common.Timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the emulator's clock (${skewSeconds} s allowed)` });
  }
  return { secretId: r.common.SecretId! };
}

/**
 * `<METHOD><host>/?<k=v sorted by key, raw values, Signature left out>`, HMAC with the SecretKey,
 * base64. The host is the configured endpoint with its port (node and python); Python also replaces
 * `_` by `.` in keys for the string to sign only. Throws signatureMismatch.
 */
export function verifyV1(r: V1Request, secretKey: string): void {
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
  throw diagnosedError('signatureMismatch', {
    cause: 'a wrong secret key, or a string to sign that differs from ours (compare it with the one your client built)',
    stringToSign: `${r.method}${String(r.headers.host ?? '')}/?${[...variants][0]}`,
  });
}
