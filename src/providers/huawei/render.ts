import { STATUS_CODES } from 'node:http';
import type { Call, ProviderReply, RenderedError } from '../Provider.ts';

/** Every Huawei reply: JSON with X-Request-Id, which both SDKs read as the request id. */
export function reply(call: Call, status: number, body: unknown, headers: Record<string, string>): ProviderReply {
  return { status, headers: { ...headers, 'X-Request-Id': call.requestId }, body };
}

/**
 * The three error shapes (OCR 错误码, https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0028.html;
 * IAM 错误码), chosen by the code's family in provider.json `envelopes`: the gateway's
 * `{error_code, error_msg, request_id}`, IAM's `{"error":{"code":<status>,"message","title"}}`, the
 * service's flat `{error_code, error_msg}`.
 */
export function errorReply(call: Call, e: RenderedError): ProviderReply {
  let body: unknown;
  if (e.envelope === 'iam') body = { error: { code: e.status, message: e.message, title: STATUS_CODES[e.status] ?? '' } };
  else if (e.envelope === 'gateway') body = { error_code: e.code, error_msg: e.message, request_id: call.requestId };
  else body = { error_code: e.code, error_msg: e.message };
  return reply(call, e.status, body, {});
}
