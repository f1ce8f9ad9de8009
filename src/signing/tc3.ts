import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { raise } from '../errors.ts';
import { hostForms, safeEqual } from './hostForms.ts';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<64 hex>` */
const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;._-]+), ?Signature=([0-9a-f]{64})$/;

/** What a TC3 signature covers (Tencent Cloud API 3.0 签名方法 v3, https://cloud.tencent.com/document/api/213/30654). */
export interface Tc3Request { method: string; headers: IncomingHttpHeaders; body: Buffer; rawQuery: string }

export interface Tc3Authorization { secretId: string; date: string; service: string; signedHeaders: string[]; signature: string; timestamp: number }

/** The structural checks every TC3 request gets, known credential or not. */
export function parseTc3(r: Tc3Request, nowSeconds: number, skewSeconds: number): Tc3Authorization {
  const m = AUTHORIZATION.exec(String(r.headers.authorization ?? ''));
  if (!m) throw raise('authorizationMalformed');
  const [, secretId, date, service, signed, signature] = m as unknown as [string, string, string, string, string, string];
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) throw raise('signedHeadersIncomplete');
  const ts = String(r.headers['x-tc-timestamp'] ?? '');
  if (!/^\d{1,12}$/.test(ts)) throw raise('missingParameter', { name: 'X-TC-Timestamp' });
  const timestamp = Number(ts);
  // The timestamp must be within the skew window, and the credential date must be the UTC date of that
  // timestamp (Common Params doc, Authorization row).
  if (Math.abs(nowSeconds - timestamp) > skewSeconds) throw raise('clockSkew');
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) throw raise('credentialDateMismatch');
  const declared = r.headers['x-tc-content-sha256'];
  if (declared !== undefined && declared !== 'UNSIGNED-PAYLOAD' && declared !== sha256(r.body)) throw raise('payloadHashMismatch');
  return { secretId, date, service, signedHeaders, signature, timestamp };
}

/** The derived signing key depends only on the secret, the date and the service: computed once per day per client. */
const signingKeys = new Map<string, Buffer>();
const MAX_KEYS = 1000;

function signingKey(secretKey: string, date: string, service: string): Buffer {
  const id = `${date}\0${service}\0${secretKey}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
    if (signingKeys.size >= MAX_KEYS) signingKeys.clear();
    signingKeys.set(id, key);
  }
  return key;
}

/**
 * Recomputes the signature with the service the client put in its scope (Node signs `127` or
 * `localhost:4600` when pointed at localhost, Python `ocr`) and with the Host both with and without
 * its port (Node signs the hostname, Python and Go the host with port). Throws signatureMismatch.
 */
export function verifyTc3(r: Tc3Request, auth: Tc3Authorization, secretKey: string): void {
  const payload = r.headers['x-tc-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : r.method === 'GET' ? '' : r.body;
  const payloadHash = sha256(payload);
  const kSigning = signingKey(secretKey, auth.date, auth.service);
  for (const host of hostForms(String(r.headers.host ?? ''))) {
    for (const lower of [false, true]) {
      const canonicalHeaders = auth.signedHeaders
        .map((h) => `${h}:${h === 'host' ? host : headerValue(r, h, lower)}\n`)
        .join('');
      const canonical = [r.method, '/', r.method === 'GET' ? r.rawQuery : '', canonicalHeaders, auth.signedHeaders.join(';'), payloadHash].join('\n');
      const toSign = `TC3-HMAC-SHA256\n${auth.timestamp}\n${auth.date}/${auth.service}/tc3_request\n${sha256(canonical)}`;
      if (safeEqual(createHmac('sha256', kSigning).update(toSign).digest('hex'), auth.signature)) return;
    }
  }
  throw raise('signatureMismatch');
}

/** Header values are signed trimmed; the vendor doc lower-cases them too, the SDKs send them as they are. */
function headerValue(r: Tc3Request, name: string, lower: boolean): string {
  const v = String(r.headers[name] ?? '').trim();
  return lower ? v.toLowerCase() : v;
}
