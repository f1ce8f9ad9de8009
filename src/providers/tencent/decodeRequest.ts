import type { IncomingHttpHeaders } from 'node:http';
import { MockError } from '../../errors.ts';
import { parseMultipart } from './parseMultipart.ts';

/** The request styles the Tencent SDKs produce (tencent-cloud-api3.md sections 2.1, 3.1, 3.2). */
export type Style = 'tc3-json' | 'tc3-get' | 'tc3-multipart' | 'v1-form' | 'v1-get';

/** v1 common parameters: they travel beside the action's parameters and are not validated as them. */
const V1_COMMON = ['Action', 'Version', 'Region', 'Timestamp', 'Nonce', 'SecretId', 'SignatureMethod', 'Signature', 'Token', 'Language', 'RequestClient'];

export interface TencentRequest {
  style: Style;
  method: string;
  action: string;
  version: string;
  /** The action's own parameters: parsed JSON, or text values with flattened keys (`flat`). */
  params: Record<string, unknown>;
  flat: boolean;
  /** v1 common parameters (SecretId, Signature, Nonce, ...) as text, with their raw values for signing. */
  common: Record<string, string>;
  /** Every v1 parameter, common and action, as text: the v1 signature is over all of them. */
  signed: Record<string, string>;
  rawQuery: string;
  body: Buffer;
  headers: IncomingHttpHeaders;
}

export function styleOf(method: string, headers: IncomingHttpHeaders): Style {
  if (method === 'GET') return headers.authorization ? 'tc3-get' : 'v1-get';
  const type = mediaType(headers['content-type']);
  if (type === 'application/json') return 'tc3-json';
  if (type === 'application/x-www-form-urlencoded') return 'v1-form';
  if (type === 'multipart/form-data') return 'tc3-multipart';
  throw new MockError('InvalidParameter', { type: type || '(none)' }, 'contentType');
}

export async function decodeRequest(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<TencentRequest> {
  const style = styleOf(method, headers);
  const q = url.indexOf('?');
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  let params: Record<string, unknown> = {};
  let signed: Record<string, string> = {};
  if (style === 'tc3-json') params = parseJson(body);
  else if (style === 'tc3-multipart') params = await parseMultipart(body, headers['content-type']!);
  else {
    const text = style === 'v1-form' ? body.toString('utf8') : rawQuery;
    signed = parseForm(text);
    params = style === 'tc3-get' ? signed : Object.fromEntries(Object.entries(signed).filter(([k]) => !V1_COMMON.includes(k)));
  }
  const common = style.startsWith('v1') ? Object.fromEntries(Object.entries(signed).filter(([k]) => V1_COMMON.includes(k))) : {};
  const header = (n: string): string | undefined => (typeof headers[n] === 'string' ? (headers[n] as string) : undefined);
  const action = style.startsWith('v1') ? common.Action : header('x-tc-action');
  const version = style.startsWith('v1') ? common.Version : header('x-tc-version');
  if (!action) throw new MockError('MissingParameter', { name: 'Action' }, 'name');
  if (!version) throw new MockError('MissingParameter', { name: 'Version' }, 'name');
  return { style, method, action, version, params, flat: style !== 'tc3-json', common, signed, rawQuery, body, headers };
}

function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function parseJson(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.length ? body.toString('utf8') : '{}');
  } catch (e) {
    throw new MockError('InvalidParameter', { detail: (e as Error).message }, 'json');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MockError('InvalidParameter', {}, 'jsonObject');
  }
  return value as Record<string, unknown>;
}

/** `a=1&b=2`, percent- and `+`-decoded; values stay text (Python's Nonce exceeds 2^53). */
function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq < 0) throw new MockError('InvalidParameter', {}, 'form');
    try {
      out[decode(pair.slice(0, eq))] = decode(pair.slice(eq + 1));
    } catch {
      throw new MockError('InvalidParameter', {}, 'form');
    }
  }
  return out;
}

const decode = (s: string): string => decodeURIComponent(s.replaceAll('+', ' '));
