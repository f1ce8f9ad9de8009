import type { Call, ProviderReply } from '../Provider.ts';

/** Every reply is JSON (the SDK parses any 2xx body as JSON, whatever its content type: openapi-core doRequest). */
export function reply(_call: Call, status: number, body: unknown, headers: Record<string, string>): ProviderReply {
  return { status, headers, body };
}

export { errorReply } from './errorReply.ts';
