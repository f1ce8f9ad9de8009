import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { ApiDefinition } from '../../src/data/types.ts';
import { tc3Headers } from './signTc3.ts';
import { PROJECT_ID, sdkDate, signRequest } from './huaweiSign.ts';
import { WELL_KNOWN } from './wellKnown.ts';

// Any API of the data as one signed HTTP request, by its provider: a new API needs nothing here, a new
// provider one signer in SIGNERS (test/bench/soakMix.test.ts fails until it has one). Each signer is
// written from the vendor's reference, independently of the emulator's verifier.

/** A request ready to send: the path (with its query), and the headers with Host (fetch drops it, a raw socket sends it). */
export interface SignedHttpCall { method: string; path: string; headers: Record<string, string>; body: string | Buffer }

/** An id and its secret (Tencent SecretId/SecretKey, Huawei AK/SK, Alibaba AccessKeyId/AccessKeySecret). */
export interface KeyPair { id: string; secret: string }

export interface SignOptions {
  /** host:port of the emulator, as the signature covers it. */
  host: string;
  /** Default: the provider's well-known pair (wellKnown.ts). */
  pair?: KeyPair;
  /** The signing time; default now. */
  nowMs?: number;
  /** Extra headers (X-Mock-Scenario), sent but not signed where the scheme allows. */
  headers?: Record<string, string>;
  /** Alibaba: this x-acs-signature-nonce instead of a fresh one (a replay). */
  nonce?: string;
}

export type Signer = (api: ApiDefinition, params: Record<string, unknown>, o: SignOptions) => SignedHttpCall;

const sha256 = (d: string | Buffer): string => createHash('sha256').update(d).digest('hex');
/** RFC 3986: encodeURIComponent plus `!'()*` (a lone surrogate becomes U+FFFD). */
const rfc3986 = (s: string): string => encodeURIComponent((s as string & { toWellFormed(): string }).toWellFormed()).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** Tencent Cloud API 3.0: TC3-HMAC-SHA256, a JSON POST to `/` with the action, version and service of action.json. */
const tencent: Signer = (api, params, o) => {
  const body = JSON.stringify(params);
  const pair = o.pair ?? { id: WELL_KNOWN.tencent.secretId, secret: WELL_KNOWN.tencent.secretKey };
  const headers = tc3Headers({ host: o.host, body, action: api.meta.action, version: api.meta.version, service: api.meta.service, secretId: pair.id, secretKey: pair.secret, timestamp: Math.floor((o.nowMs ?? Date.now()) / 1000) });
  return { method: 'POST', path: '/', headers: { Host: o.host, ...headers, ...o.headers }, body };
};

/**
 * Huawei REST: action.json `http` (method, path with {project_id}); SDK-HMAC-SHA256 over the Node
 * SDK's headers. A GET carries the parameters in its query, anything else as a JSON body.
 */
const huawei: Signer = (api, params, o) => {
  if (!api.meta.http) throw new Error(`${api.meta.action}: a Huawei API without action.json http`);
  const { method } = api.meta.http;
  const path = api.meta.http.path.replace('{project_id}', PROJECT_ID);
  const query = method === 'GET' ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, text(v)])) : {};
  const body = method === 'GET' ? '' : JSON.stringify(params);
  const pair = o.pair ?? { id: WELL_KNOWN.huawei.ak, secret: WELL_KNOWN.huawei.sk };
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: o.host, 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': sdkDate(o.nowMs ?? Date.now()) };
  headers.Authorization = signRequest({ method, path, query, headers, body, ak: pair.id, sk: pair.secret });
  const search = new URLSearchParams(query).toString();
  return { method, path: search ? `${path}?${search}` : path, headers: { ...headers, ...o.headers }, body };
};

/**
 * Alibaba OpenAPI RPC: `POST /` named by x-acs-action and x-acs-version, signed with ACS3-HMAC-SHA256 as
 * @alicloud/openapi-core getAuthorization does (host, content-type and every x-acs-* header signed; the
 * query sorted and RFC 3986-encoded; a fresh x-acs-signature-nonce). A parameter whose schema is
 * application/octet-stream (RecognizeIdcard `body`, base64 in the data) is the raw body with the others
 * in the query; otherwise the parameters are a form body, as the SDK sends cloudauth's.
 */
const alibaba: Signer = (api, params, o) => {
  const raw = Object.entries(api.request.properties ?? {}).find(([, s]) => s.contentMediaType === 'application/octet-stream')?.[0];
  const rest = Object.entries(params).filter(([k]) => k !== raw).map(([k, v]) => [k, text(v)] as [string, string]);
  const rawBody = raw !== undefined && params[raw] !== undefined ? Buffer.from(String(params[raw]), 'base64') : undefined;
  const inQuery = raw !== undefined;
  const query = inQuery ? rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&') : '';
  const body: string | Buffer = rawBody ?? (inQuery ? '' : rest.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&'));
  const type = rawBody ? 'application/octet-stream' : inQuery ? undefined : 'application/x-www-form-urlencoded';
  const headers = acs3Headers({ host: o.host, action: api.meta.action, version: api.meta.version, query, body, contentType: type, pair: o.pair, nowMs: o.nowMs, nonce: o.nonce });
  return { method: 'POST', path: query ? `/?${query}` : '/', body, headers: { ...headers, ...o.headers } };
};

/**
 * ACS3-HMAC-SHA256 headers (Host included) for `POST /?<query>`: `query` as sent, already sorted and
 * RFC 3986-encoded (the canonical form); host, content-type and every x-acs-* header signed.
 */
export function acs3Headers(o: { host: string; action: string; version: string; query?: string; body: string | Buffer; contentType?: string; pair?: KeyPair; nowMs?: number; nonce?: string }): Record<string, string> {
  const pair = o.pair ?? { id: WELL_KNOWN.alibaba.accessKeyId, secret: WELL_KNOWN.alibaba.accessKeySecret };
  const signed: Record<string, string> = {
    host: o.host,
    'x-acs-action': o.action,
    'x-acs-version': o.version,
    'x-acs-date': new Date(o.nowMs ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': o.nonce ?? randomUUID(),
    'x-acs-content-sha256': sha256(o.body),
    ...(o.contentType ? { 'content-type': o.contentType } : {}),
  };
  const names = Object.keys(signed).sort();
  const canonical = ['POST', '/', o.query ?? '', names.map((n) => `${n}:${signed[n]!.trim()}\n`).join(''), names.join(';'), signed['x-acs-content-sha256']].join('\n');
  const signature = createHmac('sha256', pair.secret).update(`ACS3-HMAC-SHA256\n${sha256(canonical)}`).digest('hex');
  const { host, ...rest } = signed;
  return { Host: host!, ...rest, Authorization: `ACS3-HMAC-SHA256 Credential=${pair.id},SignedHeaders=${names.join(';')},Signature=${signature}` };
}

/** provider name (action.json `provider`) → how its APIs are called. */
export const SIGNERS: Record<string, Signer> = { tencent, huawei, alibaba };

/** `api` called with `params`, signed as its provider's SDKs sign. */
export function signedCall(api: ApiDefinition, params: Record<string, unknown>, o: SignOptions): SignedHttpCall {
  const signer = Object.hasOwn(SIGNERS, api.meta.provider) ? SIGNERS[api.meta.provider] : undefined;
  if (!signer) throw new Error(`no signer for provider ${api.meta.provider} (test/helpers/signedCall.ts SIGNERS)`);
  return signer(api, params, o);
}

/** Sends a signed call with fetch (which sets Host itself). */
export function fetchCall(base: string, c: SignedHttpCall): Promise<Response> {
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => k.toLowerCase() !== 'host'));
  const body = c.method === 'GET' || c.method === 'HEAD' ? undefined : typeof c.body === 'string' ? c.body : new Uint8Array(c.body);
  return fetch(`${base}${c.path}`, { method: c.method, headers, body });
}
