import { createHmac, hash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { roleError, diagnosedError, type SignatureDiagnosis } from '../errors.ts';
import { safeEqual } from './hostForms.ts';

/**
 * ACS3-HMAC-SHA256, Alibaba Cloud's V3 request signature, as @alicloud/openapi-core src/utils.ts
 * getAuthorization builds it (docs/alibaba-wire.md section 3; 阿里云 SDK V3 请求结构和签名机制,
 * help.aliyun.com). The old RPC HMAC-SHA1 `Signature` query parameter is not checked: the SDKs send
 * it only when told to (signatureAlgorithm 'v2'), never by default.
 */
const ALGORITHM = 'ACS3-HMAC-SHA256';
/** `ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2>,Signature=<64 hex>` */
const AUTHORIZATION = /^ACS3-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([a-z0-9;._-]+),\s*Signature=([0-9a-fA-F]{64})$/;
/** x-acs-date: UTC ISO 8601 to the second, `2026-12-05T09:36:11Z` (openapi-core getTimestamp). */
const ACS_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

const sha256 = (data: string | Buffer): string => hash('sha256', data, 'hex');

/** What the signature covers: the method, the query as sent, the headers and the body bytes. */
export interface Acs3Request { method: string; rawQuery: string; headers: IncomingHttpHeaders; body: Buffer }

export interface Acs3Authorization { accessKeyId: string; signedHeaders: string[]; signature: string; date: string; nonce: string }

/** The AccessKeyId the Authorization header names, if it is shaped like one (for `--auth off`). */
export const acs3Credential = (headers: IncomingHttpHeaders): string | undefined => AUTHORIZATION.exec(String(headers.authorization ?? '').trim())?.[1];

/**
 * The checks every signed request gets, known AccessKeyId or not: the Authorization header's form,
 * the signed headers the scheme needs, x-acs-date's form and its skew against the emulator's clock,
 * and x-acs-content-sha256 against the body received.
 */
export function parseAcs3(r: Acs3Request, nowMs: number, skewSeconds: number): Acs3Authorization {
  const m = AUTHORIZATION.exec(String(r.headers.authorization ?? '').trim());
  if (!m && r.headers.authorization === undefined && /(^|&)Signature=/.test(r.rawQuery) && /(^|&)SignatureMethod=/.test(r.rawQuery)) {
    throw diagnosedError('authorizationMalformed', { cause: 'the old RPC signature (Signature and SignatureMethod in the query, signatureAlgorithm \'v2\') is not emulated: leave signatureAlgorithm unset, and the SDK signs with ACS3-HMAC-SHA256' });
  }
  if (!m) throw diagnosedError('authorizationMalformed', { cause: `the Authorization header is not "ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b>,Signature=<64 hex>": ${r.headers.authorization === undefined ? 'none was sent' : 'it was sent in another form'}` });
  const [, accessKeyId, signed, signature] = m as unknown as [string, string, string, string];
  const signedHeaders = signed.split(';');
  if (!['host', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'].every((h) => signedHeaders.includes(h))) throw roleError('signedHeadersIncomplete');
  const date = headerValue(r.headers['x-acs-date']);
  const nonce = headerValue(r.headers['x-acs-signature-nonce']);
  if (!nonce) throw roleError('missingParameter', { name: 'x-acs-signature-nonce' });
  const d = ACS_DATE.exec(date);
  if (!d) throw diagnosedError('dateMalformed', { cause: `x-acs-date "${date}" is not of the form YYYY-MM-DDTHH:mm:ssZ (UTC)` });
  const [, y, mo, da, h, mi, s] = d.map(Number) as [number, number, number, number, number, number, number];
  const skew = Math.round((Date.UTC(y, mo - 1, da, h, mi, s) - nowMs) / 1000);
  if (Math.abs(skew) > skewSeconds) {
    throw diagnosedError('clockSkew', { cause: `clock skew of ${skew} seconds: x-acs-date ${date} is ${Math.abs(skew)} s ${skew > 0 ? 'ahead of' : 'behind'} the emulator's clock (${skewSeconds} s allowed; move it with POST /__mock/clock)` });
  }
  const declared = headerValue(r.headers['x-acs-content-sha256']);
  if (declared.toLowerCase() !== bodyHash(r)) {
    throw diagnosedError('payloadHashMismatch', { cause: `the body changed after signing: x-acs-content-sha256 is ${declared || '(none)'}, the body received hashes to ${bodyHash(r)}` });
  }
  return { accessKeyId, signedHeaders, signature: signature.toLowerCase(), date, nonce };
}

/** Our canonical request and string to sign, over the headers the client listed in SignedHeaders. */
function acs3Parts(r: Acs3Request, auth: Acs3Authorization, query = canonicalQuery(r.rawQuery)): { canonicalRequest: string; stringToSign: string } {
  const canonicalHeaders = auth.signedHeaders.map((h) => `${h}:${headerValue(r.headers[h])}\n`).join('');
  const canonicalRequest = [r.method, '/', query, canonicalHeaders, auth.signedHeaders.join(';'), headerValue(r.headers['x-acs-content-sha256'])].join('\n');
  return { canonicalRequest, stringToSign: `${ALGORITHM}\n${sha256(canonicalRequest)}` };
}

/** Recomputes the signature with the AccessKey secret (the HMAC key as is: no prefix, no derived key); throws signatureMismatch with the diagnosis. */
export function verifyAcs3(r: Acs3Request, auth: Acs3Authorization, secret: string): void {
  const sign = (toSign: string): string => createHmac('sha256', secret).update(toSign).digest('hex');
  const parts = acs3Parts(r, auth);
  if (safeEqual(sign(parts.stringToSign), auth.signature)) return;
  // The commonest hand-made mistake: the query signed as it went on the wire, not sorted and RFC 3986-encoded.
  const asSent = safeEqual(sign(acs3Parts(r, auth, r.rawQuery).stringToSign), auth.signature);
  const diagnosis: SignatureDiagnosis = {
    cause: asSent
      ? 'the query was signed as sent: sort its parameters and encode each value as RFC 3986 (encodeURIComponent plus !\'()*) in the canonical request'
      : 'a wrong AccessKey secret, or a canonical request that differs from ours (compare it with the one your client built)',
    ...parts,
  };
  // The gateway's message carries its string to sign (docs/alibaba-wire.md section 4).
  throw diagnosedError('signatureMismatch', diagnosis, { stringToSign: parts.stringToSign });
}

/**
 * The query decoded and encoded again as the signer does: keys sorted by UTF-16 code units, each
 * value RFC 3986-encoded (encodeURIComponent plus `!'()*`), keys as they are; `key=` for no value.
 * The wire form (Node's querystring) differs, so the query is never signed as sent.
 */
export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery.split('&').filter(Boolean).map((p) => {
    const eq = p.indexOf('=');
    return [safeDecode(eq < 0 ? p : p.slice(0, eq)), eq < 0 ? '' : safeDecode(p.slice(eq + 1))] as const;
  });
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${encode(v)}`).join('&');
}

const encode = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/** Values are signed trimmed; a repeated header's values sorted and joined with `,`. */
function headerValue(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v.map((x) => x.trim()).sort().join(',') : (v ?? '')).trim();
}

const bodyHashes = new WeakMap<Acs3Request, string>();

/** The body's SHA-256, once per request. */
function bodyHash(r: Acs3Request): string {
  let h = bodyHashes.get(r);
  if (h === undefined) bodyHashes.set(r, (h = sha256(r.body)));
  return h;
}
