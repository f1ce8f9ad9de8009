import { STATUS_CODES, type ServerResponse } from 'node:http';
import { isMockError, MockError } from '../../errors.ts';
import { formatMessage, lookupError } from '../../data/catalog.ts';
import type { DataSet } from '../../data/types.ts';
import type { HuaweiCall } from './huaweiCall.ts';

/** Every Huawei reply: JSON with X-Request-Id, which both SDKs read as the request id (Surprises 11). */
export function renderHuawei(res: ServerResponse, call: HuaweiCall, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', bytes.length);
  res.setHeader('X-Request-Id', call.requestId);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(bytes);
}

export interface RenderedHuaweiError { code: string; status: number; message: string }

/**
 * One renderer for the three error shapes (huawei-ocr.md section 3.1), chosen by the code's family:
 * gateway `APIG.*` → `{error_code, error_msg, request_id}`; IAM `IAM.<status>` → IAM's
 * `{"error":{"code":<number>,"message","title"}}`; everything else (AIS.*, ModelArts.*, Mock.*) →
 * the flat `{error_code, error_msg}`. The status is the catalog's (a variant may carry its own: APIG.0201 413).
 */
export function renderHuaweiError(res: ServerResponse, call: HuaweiCall, data: DataSet, e: unknown): RenderedHuaweiError {
  if (!isMockError(e)) console.error('idcard-mock: internal error', e);
  const err = isMockError(e) ? e : new MockError('APIG.0601');
  const entry = lookupError(data, 'huawei', call.action, err.code) ?? lookupError(data, 'huawei', undefined, 'APIG.0601')!;
  const message = formatMessage(entry, 'en-US', err.vars, err.variant);
  const status = (err.variant && entry.variants?.[err.variant]?.status) || entry.status || 400;
  const code = withPrefix(err.code, call.codePrefixes);
  let body: unknown;
  if (err.code.startsWith('IAM.')) body = { error: { code: status, message, title: STATUS_CODES[status] ?? '' } };
  else if (err.code.startsWith('APIG.')) body = { error_code: code, error_msg: message, request_id: call.requestId };
  else body = { error_code: code, error_msg: message };
  if (status === 413) res.setHeader('Connection', 'close');
  renderHuawei(res, call, status, body);
  return { code, status, message };
}

function withPrefix(code: string, prefixes: Record<string, string>): string {
  const from = Object.keys(prefixes).find((p) => code.startsWith(p));
  return from ? prefixes[from] + code.slice(from.length) : code;
}
