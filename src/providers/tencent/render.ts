import type { Call, ProviderReply, RenderedError } from '../Provider.ts';
import { firstHeaderValue } from '../../pipeline/firstHeaderValue.ts';

/**
 * Every Tencent reply: HTTP 200 with `{"Response": …}`, errors included, and exactly
 * `application/json` (src/providers/writeReply.ts): any other status loses the code in both SDKs, and
 * with `; charset=utf-8` the Python SDK silently treats an error as a success
 * (tencentcloud-sdk-python common/abstract_client.py checks the Content-Type by equality).
 */
export function reply(call: Call, _status: number, body: unknown, headers: Record<string, string>): ProviderReply {
  const traceId = firstHeaderValue(call.headers['x-tc-traceid']);
  return { status: 200, headers: traceId ? { ...headers, 'X-TC-TraceId': traceId } : headers, body: { Response: body } };
}

/** `{"Response":{"Error":{Code,Message},"RequestId"}}`, in the language the client asked for. */
export function errorReply(call: Call, error: RenderedError): ProviderReply {
  return reply(call, 200, { Error: { Code: error.code, Message: error.message }, RequestId: call.requestId }, {});
}
