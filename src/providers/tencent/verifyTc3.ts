import { createHash, createHmac } from 'node:crypto';
import { MockError } from '../../errors.ts';
import { hostForms, safeEqual } from './hostForms.ts';
import type { TencentRequest } from './decodeRequest.ts';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<64 hex>` */
const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;._-]+), ?Signature=([0-9a-f]{64})$/;

export interface Tc3Authorization { secretId: string; date: string; service: string; signedHeaders: string[]; signature: string; timestamp: number }

/** The structural checks every TC3 request gets, known credential or not (tencent-cloud-api3.md section 3.1). */
export function parseTc3(r: TencentRequest, nowSeconds: number): Tc3Authorization {
  const m = AUTHORIZATION.exec(String(r.headers.authorization ?? ''));
  if (!m) throw new MockError('AuthFailure.InvalidAuthorization', {}, 'shape');
  const [, secretId, date, service, signed, signature] = m as unknown as [string, string, string, string, string, string];
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) {
    throw new MockError('AuthFailure.InvalidAuthorization', {}, 'signedHeaders');
  }
  const ts = String(r.headers['x-tc-timestamp'] ?? '');
  if (!/^\d{1,12}$/.test(ts)) throw new MockError('MissingParameter', { name: 'X-TC-Timestamp' }, 'name');
  const timestamp = Number(ts);
  // "Timestamp and server time cannot differ by more than five minutes" (common error doc), and the
  // credential date must be the UTC date of that timestamp (Common Params doc, Authorization row).
  if (Math.abs(nowSeconds - timestamp) > 300) throw new MockError('AuthFailure.SignatureExpire');
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) throw new MockError('AuthFailure.SignatureExpire');
  const declared = r.headers['x-tc-content-sha256'];
  if (declared !== undefined && declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256(r.body)) {
    throw new MockError('AuthFailure.SignatureFailure');
  }
  return { secretId, date, service, signedHeaders, signature, timestamp };
}

/**
 * Recomputes the signature with the service the client put in its scope (Node signs `127` or
 * `localhost:4600` when pointed at localhost, Python `ocr`) and with the Host both with and without
 * its port (Node signs the hostname, Python and Go the host with port): section 3.1, "the crux".
 */
export function verifyTc3(r: TencentRequest, auth: Tc3Authorization, secretKey: string): void {
  const payload = r.headers['x-tc-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : r.method === 'GET' ? '' : r.body;
  const path = '/';
  const kSigning = hmac(hmac(hmac(`TC3${secretKey}`, auth.date), auth.service), 'tc3_request');
  for (const host of hostForms(String(r.headers.host ?? ''))) {
    for (const lower of [false, true]) {
      const canonicalHeaders = auth.signedHeaders
        .map((h) => `${h}:${h === 'host' ? host : headerValue(r, h, lower)}\n`)
        .join('');
      const canonical = [r.method, path, r.method === 'GET' ? r.rawQuery : '', canonicalHeaders, auth.signedHeaders.join(';'), sha256(payload)].join('\n');
      const toSign = `TC3-HMAC-SHA256\n${auth.timestamp}\n${auth.date}/${auth.service}/tc3_request\n${sha256(canonical)}`;
      if (safeEqual(createHmac('sha256', kSigning).update(toSign).digest('hex'), auth.signature)) return;
    }
  }
  throw new MockError('AuthFailure.SignatureFailure');
}

/** Header values are signed trimmed; the vendor doc lower-cases them too, the SDKs send them as they are. */
function headerValue(r: TencentRequest, name: string, lower: boolean): string {
  const v = String(r.headers[name] ?? '').trim();
  return lower ? v.toLowerCase() : v;
}
