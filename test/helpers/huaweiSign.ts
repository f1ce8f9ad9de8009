import { createHash, createHmac } from 'node:crypto';
import { WELL_KNOWN } from './wellKnown.ts';

export const AK = WELL_KNOWN.huawei.ak;
export const SK = WELL_KNOWN.huawei.sk;
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
/** Python's `quote(s, safe='~')`: everything but A-Z a-z 0-9 - _ . ~ is %XX. */
const quote = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface ToSign {
  method: string;
  path: string;
  query?: Record<string, string>;
  /** Header names as sent; every one of them is signed, as the Python SDK does. */
  headers: Record<string, string>;
  body: string | Buffer;
  sk?: string;
  ak?: string;
}

/**
 * SDK-HMAC-SHA256 written from huaweicloudsdkcore signer/signer.py and Huawei's signing guide
 * (https://support.huaweicloud.com/devg-apisign/api-sign-algorithm-002.html), independent
 * of the emulator's verifier: canonical URI with a trailing `/`, sorted query, `name:trimmed value\n`
 * headers, sha256 of the body, `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hash>`, HMAC with the SK.
 */
export function signRequest(r: ToSign): string {
  const uri = `${r.path.split('/').map((s) => quote(decodeURIComponent(s))).join('/')}/`;
  const query = Object.keys(r.query ?? {}).sort().map((k) => `${quote(k)}=${quote(r.query![k]!)}`).join('&');
  const names = Object.keys(r.headers).map((h) => h.toLowerCase()).sort();
  const value = (n: string): string => Object.entries(r.headers).find(([k]) => k.toLowerCase() === n)![1].trim();
  const canonical = [r.method, uri, query, names.map((n) => `${n}:${value(n)}\n`).join(''), names.join(';'), sha256(r.body)].join('\n');
  const date = value('x-sdk-date');
  const signature = createHmac('sha256', r.sk ?? SK).update(`SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`).digest('hex');
  return `SDK-HMAC-SHA256 Access=${r.ak ?? AK}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
}

/** `YYYYMMDDTHHMMSSZ` */
export const sdkDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface SignedCall { url: string; init: { method: string; headers: Record<string, string>; body?: string | Buffer } }

/** A signed `fetch` of the emulator, with the Node SDK's headers (content-type, host, x-project-id, x-sdk-date). */
export function signedFetch(base: string, path: string, body: unknown, o: { now: number; sk?: string; ak?: string; projectId?: string; headers?: Record<string, string>; method?: string } ): Promise<Response> {
  const method = o.method ?? 'POST';
  const text = method === 'GET' ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Host: new URL(base).host,
    'X-Project-Id': o.projectId ?? PROJECT_ID,
    'X-Sdk-Date': sdkDate(o.now),
    ...o.headers,
  };
  headers.Authorization = signRequest({ method, path, headers, body: text, sk: o.sk, ak: o.ak });
  return fetch(`${base}${path}`, { method, headers, body: method === 'GET' ? undefined : text });
}

export const ocrPath = (projectId = PROJECT_ID): string => `/v2/${projectId}/ocr/id-card`;
