import type { ServerResponse } from 'node:http';
import type { Call, RenderedError } from '../Provider.ts';
import { headerText } from './decode.ts';
import { writeJson } from '../writeJson.ts';

/**
 * The one place a Tencent reply is written. Always HTTP 200 and exactly `application/json`: any
 * other status loses the code in both SDKs, and with `; charset=utf-8` the Python SDK silently
 * treats an error as a success (tencentcloud-sdk-python common/abstract_client.py checks the
 * Content-Type by equality). Express's res.json() would add the charset, so writeJson writes the bytes.
 */
export function render(res: ServerResponse, call: Call, _status: number, body: unknown, headers: Record<string, string>): unknown {
  const json = { Response: body };
  const traceId = headerText(call.headers['x-tc-traceid']);
  if (traceId) res.setHeader('X-TC-TraceId', traceId);
  writeJson(res, 200, json, headers);
  return json;
}

/** `{"Response":{"Error":{Code,Message},"RequestId"}}`, in the language the client asked for. */
export function renderError(res: ServerResponse, call: Call, error: RenderedError): unknown {
  return render(res, call, 200, { Error: { Code: error.code, Message: error.message }, RequestId: call.requestId }, {});
}
