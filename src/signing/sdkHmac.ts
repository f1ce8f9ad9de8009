import { createHmac, hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { roleError, diagnosedError, type SignatureDiagnosis } from '../errors.ts';
import { safeEqual } from './hostForms.ts';

const sha256 = (data: string | Buffer): string => hash('sha256', data, 'hex');

/** `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=a;b, Signature=<64 hex>` (API签名指南, https://support.huaweicloud.com/devg-apisign/api-sign-algorithm-002.html). */
const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-fA-F]{64})$/;
/** X-Sdk-Date: `YYYYMMDDTHHMMSSZ` (Python `%Y%m%dT%H%M%SZ`, Node moment `YYYYMMDDTHHmmss` + `Z`). */
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface SignedRequest {
  method: string;
  /** The path and query exactly as sent (req.originalUrl). */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface SdkAuthorization { ak: string; signedHeaders: string[]; signature: string; date: string }

export const isSdkHmac = (authorization: string | undefined): boolean => /^SDK-HMAC-SHA256\s/.test(authorization ?? '');

/** The Authorization header's form, checked for every signed request, known AK or not. */
export function parseSdkHmac(r: SignedRequest): SdkAuthorization {
  const m = AUTHORIZATION.exec(String(r.headers.authorization ?? '').trim());
  if (!m) throw roleError('authorizationMalformed');
  const [, ak, signed, signature] = m as unknown as [string, string, string, string];
  return { ak, signedHeaders: signed.split(';'), signature: signature.toLowerCase(), date: String(r.headers['x-sdk-date'] ?? '') };
}

/** X-Sdk-Date present, well formed and within the skew window of the emulator's clock. */
export function checkSdkDate(auth: SdkAuthorization, nowMs: number, skewSeconds: number): void {
  const d = SDK_DATE.exec(auth.date);
  const [, y, mo, da, h, mi, s] = (d ?? []).map(Number) as [number, number, number, number, number, number, number];
  if (!d) throw diagnosedError('clockSkew', { cause: `X-Sdk-Date "${auth.date}" is not of the form YYYYMMDDTHHMMSSZ` });
  const skew = Math.round((Date.UTC(y, mo - 1, da, h, mi, s) - nowMs) / 1000);
  if (Math.abs(skew) > skewSeconds) {
    throw diagnosedError('clockSkew', { cause: `clock skew of ${skew} seconds: X-Sdk-Date ${auth.date} is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the emulator's clock (${skewSeconds} s allowed)` });
  }
}

/** What the journal shows when verifySdkHmac fails: our canonical request and string to sign. */
export function diagnoseSdkHmac(r: SignedRequest, auth: SdkAuthorization): SignatureDiagnosis {
  const uri = canonicalUris(pathOf(r.url))[0]!;
  const toSign = stringToSign(r, auth, uri);
  return {
    cause: 'a wrong secret key (SK), or a canonical request that differs from ours (compare it with the one your client built)',
    canonicalRequest: canonicalRequest(r, auth, uri),
    stringToSign: toSign,
  };
}

/**
 * Recomputes the signature over what was received: the SignedHeaders list of the Authorization
 * header with the header values as sent (Python signs user-agent, Node does not: huaweicloudsdkcore signer.py vs @huaweicloud/huaweicloud-sdk-core AKSKSigner.js), the
 * raw body bytes (Python's spaced JSON) or `X-Sdk-Content-Sha256`. The canonical URI
 * is tried both ways the SDKs build it (Python decodes the path before encoding it, Node does not:
 * huaweicloudsdkcore signer.py unquotes first, AKSKSigner.js does not); for an ordinary path both are the same.
 */
export function verifySdkHmac(r: SignedRequest, auth: SdkAuthorization, sk: string): boolean {
  for (const uri of canonicalUris(pathOf(r.url))) {
    const toSign = stringToSign(r, auth, uri);
    if (safeEqual(createHmac('sha256', sk).update(toSign).digest('hex'), auth.signature)) return true;
  }
  return false;
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex sha256 of the canonical request>` */
export function stringToSign(r: SignedRequest, auth: SdkAuthorization, canonicalUri: string): string {
  return `SDK-HMAC-SHA256\n${auth.date}\n${sha256(canonicalRequest(r, auth, canonicalUri))}`;
}

function canonicalRequest(r: SignedRequest, auth: SdkAuthorization, canonicalUri: string): string {
  const canonicalHeaders = auth.signedHeaders.map((h) => `${h}:${headerValue(r.headers[h])}\n`).join('');
  const declared = r.headers['x-sdk-content-sha256'];
  const payloadHash = typeof declared === 'string' && declared !== '' ? declared : bodyHash(r);
  return [r.method, canonicalUri, canonicalQuery(queryOf(r.url)), canonicalHeaders, auth.signedHeaders.join(';'), payloadHash].join('\n');
}

const bodyHashes = new WeakMap<SignedRequest, string>();

/** The body's SHA-256, once per request however many canonical URIs are tried (a 12 MB body is hashed one time). */
function bodyHash(r: SignedRequest): string {
  let h = bodyHashes.get(r);
  if (h === undefined) bodyHashes.set(r, (h = sha256(r.body)));
  return h;
}

/** A path of RFC 3986 unreserved characters and `/` only: every OCR path with a real project id. */
const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/**
 * Each segment URI-encoded (RFC 3986 unreserved kept), a trailing `/` always added (API签名指南): the
 * Python SDK's form (decoded first) then the Node SDK's, one form when they agree. A plain path is
 * its own canonical URI both ways, so it is not split and encoded on every request.
 */
export function canonicalUris(rawPath: string): string[] {
  if (PLAIN_PATH.test(rawPath)) return [rawPath.endsWith('/') ? rawPath : `${rawPath}/`];
  const build = (decode: boolean): string => {
    const path = rawPath.split('/').map((seg) => encode(decode ? safeDecode(seg) : seg)).join('/');
    return path.endsWith('/') ? path : `${path}/`;
  };
  return [...new Set([build(true), build(false)])];
}

/** Parameters sorted by name, `k=v` each URI-encoded, joined with `&`; empty without a query. */
export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery.split('&').filter(Boolean).map((p) => {
    const eq = p.indexOf('=');
    const k = safeDecode(eq < 0 ? p : p.slice(0, eq));
    const v = eq < 0 ? '' : safeDecode(p.slice(eq + 1));
    return [k, v] as const;
  });
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

/** encodeURIComponent leaves `!'()*` alone; the signers escape everything but A-Z a-z 0-9 - _ . ~ */
const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

function headerValue(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v.join(',') : (v ?? '')).trim();
}

const pathOf = (url: string): string => url.split('?')[0]!;
const queryOf = (url: string): string => { const q = url.indexOf('?'); return q < 0 ? '' : url.slice(q + 1); };
