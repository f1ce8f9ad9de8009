import type { ServerResponse } from 'node:http';
import { isMockError, MockError } from '../../errors.ts';
import { formatMessage, lookupError } from '../../data/catalog.ts';
import type { DataSet } from '../../data/types.ts';
import type { CallContext } from './callContext.ts';

/**
 * The one place a Tencent reply is written. Always HTTP 200 and exactly `application/json`: any
 * other status loses the code in both SDKs, and with `; charset=utf-8` the Python SDK silently
 * treats an error as a success (tencent-cloud-api3.md section 4.2, Surprises 1 and 2). Express's
 * res.json() would add the charset, so the bytes are written by hand.
 */
export function renderTencent(res: ServerResponse, ctx: CallContext, response: Record<string, unknown>): void {
  const body = Buffer.from(JSON.stringify({ Response: response }));
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', body.length);
  if (ctx.traceId) res.setHeader('X-TC-TraceId', ctx.traceId);
  res.end(body);
}

export interface RenderedError { code: string; message: string }

/** Renders a thrown value as `{"Response":{"Error":{Code,Message},"RequestId"}}`; a bug becomes InternalError, never a crash. */
export function renderTencentError(res: ServerResponse, ctx: CallContext, data: DataSet, e: unknown): RenderedError {
  if (!isMockError(e)) console.error('idcard-mock: internal error', e);
  const err = isMockError(e) ? e : new MockError('InternalError');
  const entry = lookupError(data, 'tencent', ctx.action, err.code) ?? lookupError(data, 'tencent', undefined, 'InternalError')!;
  const message = formatMessage(entry, ctx.language, err.vars, err.variant);
  renderTencent(res, ctx, { Error: { Code: err.code, Message: message }, RequestId: ctx.requestId });
  return { code: err.code, message };
}
