import { createHash, createHmac } from 'node:crypto';
import { WELL_KNOWN } from './wellKnown.ts';

const SECRET_ID = WELL_KNOWN.tencent.secretId;
const SECRET_KEY = WELL_KNOWN.tencent.secretKey;

const sha256 = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
const hmac = (k: string | Buffer, d: string) => createHmac('sha256', k).update(d).digest();

export interface RawTc3 { host: string; body?: string | Buffer; contentType?: string; action?: string; version?: string; timestamp?: number; service?: string; secretId?: string; secretKey?: string; date?: string; headers?: Record<string, string> }

/**
 * Headers for a hand-made TC3-HMAC-SHA256 POST, signed the way tencent-cloud-api3.md section 3.1
 * describes (written here from the reference, independently of the emulator's verifier).
 */
export function tc3Headers(o: RawTc3): Record<string, string> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const date = o.date ?? new Date(timestamp * 1000).toISOString().slice(0, 10);
  const service = o.service ?? 'ocr';
  const contentType = o.contentType ?? 'application/json';
  const canonical = ['POST', '/', '', `content-type:${contentType}\nhost:${o.host}\n`, 'content-type;host', sha256(o.body ?? '')].join('\n');
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
  const key = hmac(hmac(hmac(`TC3${o.secretKey ?? SECRET_KEY}`, date), service), 'tc3_request');
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    'Content-Type': contentType,
    'X-TC-Action': o.action ?? 'IDCardOCR',
    'X-TC-Version': o.version ?? '2018-11-19',
    'X-TC-Timestamp': String(timestamp),
    Authorization: `TC3-HMAC-SHA256 Credential=${o.secretId ?? SECRET_ID}/${date}/${service}/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
    ...o.headers,
  };
}

/** A v1 form body signed with HmacSHA256 over `POST<host>/?<sorted k=v>` (section 3.2). */
export function v1Form(host: string, params: Record<string, string>, secretKey = SECRET_KEY): string {
  const all: Record<string, string> = {
    Action: 'IDCardOCR', Version: '2018-11-19', Nonce: '4932210907308301788', Timestamp: String(Math.floor(Date.now() / 1000)),
    SecretId: SECRET_ID, SignatureMethod: 'HmacSHA256', ...params,
  };
  const query = Object.keys(all).sort().map((k) => `${k}=${all[k]}`).join('&');
  all.Signature = createHmac('sha256', secretKey).update(`POST${host}/?${query}`).digest('base64');
  return new URLSearchParams(all).toString();
}
