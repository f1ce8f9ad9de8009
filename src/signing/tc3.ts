import { createHmac, hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { roleError, diagnosedError } from '../errors.ts';
import { hostForms, safeEqual } from './hostForms.ts';

const sha256 = (data: string | Buffer): string => hash('sha256', data, 'hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** `TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<64 hex>` */
const AUTHORIZATION = /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;._-]+), ?Signature=([0-9a-f]{64})$/;

/** What a TC3 signature covers (Tencent Cloud API 3.0 签名方法 v3, https://cloud.tencent.com/document/api/213/30654). */
export interface Tc3Request { method: string; headers: IncomingHttpHeaders; body: Buffer; rawQuery: string }

export interface Tc3Authorization {
  secretId: string; date: string; service: string; signedHeaders: string[]; signature: string; timestamp: number;
  /** The hashed payload line, when the structural checks already computed it (X-TC-Content-Sha256 sent). */
  payloadHash?: string;
}

/** The structural checks every TC3 request gets, known credential or not. */
export function parseTc3(r: Tc3Request, nowSeconds: number, skewSeconds: number): Tc3Authorization {
  const m = AUTHORIZATION.exec(String(r.headers.authorization ?? ''));
  if (!m) throw roleError('authorizationMalformed');
  const [, secretId, date, service, signed, signature] = m as unknown as [string, string, string, string, string, string];
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('content-type') || !signedHeaders.includes('host')) throw roleError('signedHeadersIncomplete');
  const ts = String(r.headers['x-tc-timestamp'] ?? '');
  if (!/^\d{1,12}$/.test(ts)) throw roleError('missingParameter', { name: 'X-TC-Timestamp' });
  const timestamp = Number(ts);
  // The timestamp must be within the skew window, and the credential date must be the UTC date of that
  // timestamp (Common Params doc, Authorization row).
  const skew = timestamp - nowSeconds;
  if (Math.abs(skew) > skewSeconds) {
    throw diagnosedError('clockSkew', { cause: `clock skew of ${skew} seconds: X-TC-Timestamp ${timestamp} is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the emulator's clock (${skewSeconds} s allowed; move it with POST /__mock/clock)` });
  }
  const utcDate = new Date(timestamp * 1000).toISOString().slice(0, 10);
  if (utcDate !== date) throw diagnosedError('credentialDateMismatch', { cause: `the credential date ${date} is not the UTC date of X-TC-Timestamp ${timestamp} (${utcDate}): sign with the UTC date, not the local one` });
  const declared = r.headers['x-tc-content-sha256'];
  const hashed = declared !== undefined && declared !== 'UNSIGNED-PAYLOAD' ? payloadHash(r) : undefined;
  if (hashed !== undefined && declared !== hashed) {
    throw diagnosedError('payloadHashMismatch', { cause: `the body changed after signing: X-TC-Content-Sha256 is ${String(declared)}, the body received hashes to ${hashed}` });
  }
  return { secretId, date, service, signedHeaders, signature, timestamp, payloadHash: hashed };
}

/** The derived signing key depends only on the secret, the date and the service: computed once per day per client. */
const signingKeys = new LRUCache<string, Buffer>({ max: 1000 });

function signingKey(secretKey: string, date: string, service: string): Buffer {
  const id = `${date}\0${service}\0${secretKey}`;
  let key = signingKeys.get(id);
  if (!key) {
    key = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
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
  const kSigning = signingKey(secretKey, auth.date, auth.service);
  const hashed = auth.payloadHash ?? payloadHash(r); // once, before the variants: a 7 MB body is hashed one time, not once per Host form
  const sign = (toSign: string): string => createHmac('sha256', kSigning).update(toSign).digest('hex');
  for (const host of hostForms(String(r.headers.host ?? ''))) {
    for (const lower of [false, true]) {
      if (safeEqual(sign(canonicalParts(r, auth, hashed, { host, lower }).stringToSign), auth.signature)) return;
    }
  }
  throw diagnosedError('signatureMismatch', diagnose(r, auth, hashed, sign));
}

interface Variant { host: string; lower: boolean; contentType?: string }

/** Our canonical request and string to sign for one way of reading the headers. */
function canonicalParts(r: Tc3Request, auth: Tc3Authorization, hashed: string, v: Variant): { canonicalRequest: string; stringToSign: string } {
  const value = (h: string): string => (h === 'host' ? v.host : h === 'content-type' && v.contentType !== undefined ? v.contentType : headerValue(r, h, v.lower));
  const canonicalHeaders = auth.signedHeaders.map((h) => `${h}:${value(h)}\n`).join('');
  const canonicalRequest = [r.method, '/', r.method === 'GET' ? r.rawQuery : '', canonicalHeaders, auth.signedHeaders.join(';'), hashed].join('\n');
  return { canonicalRequest, stringToSign: `TC3-HMAC-SHA256\n${auth.timestamp}\n${auth.date}/${auth.service}/tc3_request\n${sha256(canonicalRequest)}` };
}

/**
 * Why a signature of a stored credential did not match: a header the client signed with another value
 * (the content type without its parameters, the host with another port), else a wrong secret key or a
 * canonical request that differs from ours (both are shown, to compare with the client's).
 */
function diagnose(r: Tc3Request, auth: Tc3Authorization, hashed: string, sign: (toSign: string) => string) {
  const host = String(r.headers.host ?? '');
  const ours = canonicalParts(r, auth, hashed, { host, lower: false });
  const sentType = String(r.headers['content-type'] ?? '');
  const tries: [Variant, string][] = [
    [{ host, lower: false, contentType: sentType.split(';')[0]!.trim() }, `a header signed differently: content-type was signed as "${sentType.split(';')[0]!.trim()}" but sent as "${sentType}"`],
    [{ host, lower: false, contentType: 'application/json; charset=utf-8' }, `a header signed differently: content-type was signed as "application/json; charset=utf-8" but sent as "${sentType}"`],
    ...['80', '443'].map((port): [Variant, string] => [{ host: `${host.replace(/:\d+$/, '')}:${port}`, lower: false }, `a header signed differently: host was signed with port ${port}, sent as "${host}"`]),
  ];
  for (const [variant, cause] of tries) {
    if (auth.signedHeaders.includes(variant.contentType !== undefined ? 'content-type' : 'host') && safeEqual(sign(canonicalParts(r, auth, hashed, variant).stringToSign), auth.signature)) {
      return { cause, ...ours };
    }
  }
  return { cause: 'a wrong secret key, or a canonical request that differs from ours (compare it with the one your client built)', ...ours };
}

/** The hashed payload line of the canonical request: the body's SHA-256, that of "" for a GET, or UNSIGNED-PAYLOAD hashed. */
function payloadHash(r: Tc3Request): string {
  return sha256(r.headers['x-tc-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : r.method === 'GET' ? '' : r.body);
}

/** Header values are signed trimmed; the vendor doc lower-cases them too, the SDKs send them as they are. */
function headerValue(r: Tc3Request, name: string, lower: boolean): string {
  const v = String(r.headers[name] ?? '').trim();
  return lower ? v.toLowerCase() : v;
}
