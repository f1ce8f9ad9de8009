import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { providers } from '../providers/index.ts';
import type { Call } from '../providers/Provider.ts';

const seen = new Map<string, number>();

/**
 * The HTTP status a client sees for an error whose catalog status is `status`. Tencent Cloud API 3.0
 * answers errors with HTTP 200 and the code in the body (`Response.Error`, which tencentcloud-sdk-python
 * common/abstract_client.py `_check_error` reads whatever the status), Huawei with the catalog's status.
 * Rather than restate that, ask the provider's own renderer: it writes a throwaway error to a response
 * that goes nowhere, so this cannot disagree with what is sent.
 */
export function clientStatus(provider: string, status: number): number {
  const key = `${provider} ${status}`;
  let answer = seen.get(key);
  if (answer === undefined) {
    const p = providers.find((x) => x.name === provider);
    if (!p) return status;
    const res = new ServerResponse(new IncomingMessage(new Socket()));
    const call = { provider, headers: {}, requestId: '0', stages: [], scenarioNames: [], codePrefixes: {} } as unknown as Call;
    p.renderError(res, call, { code: 'probe', message: '', status, envelope: 'default' });
    answer = res.statusCode;
    seen.set(key, answer);
  }
  return answer;
}
