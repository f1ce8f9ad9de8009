import type { Call, ProviderReply, RenderedError } from '../Provider.ts';

/** Where the gateway's `Recommend` points: its troubleshooting page for the code and request (docs/alibaba-wire.md, "Error envelope"). */
const TROUBLESHOOT = 'https://api.aliyun.com/troubleshoot';

/**
 * An error as Alibaba Cloud answers it, chosen by the code's family (provider.json `envelopes`):
 * `business`, cloudauth's codes, in the API's normal body `{RequestId, Code, Message}` (HTTP 200, the
 * SDK returns it and the caller reads Code); otherwise the gateway's and the OCR service's
 * `{RequestId, HostId, Code, Message, Recommend}` with the code's HTTP status, which the SDK throws
 * as a ClientError, ServerError or ThrottlingError with `code`, `statusCode` and the body in `data`.
 * HostId is the host the client addressed.
 */
export function errorReply(call: Call, error: RenderedError): ProviderReply {
  if (error.envelope === 'business') {
    return { status: error.status, headers: {}, body: { RequestId: call.requestId, Code: error.code, Message: error.message } };
  }
  const host = call.headers.host ?? '';
  const product = call.api?.meta.service ?? '';
  const recommend = `${TROUBLESHOOT}?q=${encodeURIComponent(error.code)}&product=${encodeURIComponent(product)}&requestId=${call.requestId}`;
  return {
    status: error.status,
    headers: {},
    body: { RequestId: call.requestId, HostId: host, Code: error.code, Message: error.message, Recommend: recommend },
  };
}
