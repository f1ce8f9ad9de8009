import { providers } from '../providers/index.ts';
import type { Call } from '../providers/Provider.ts';

/**
 * The HTTP status a client sees for an error whose catalog status is `status` (some vendors answer
 * every error with 200 and the code in the body). Rather than restate that, ask the provider's own
 * renderer of errors, so this cannot disagree with what is sent.
 */
export function clientStatus(provider: string, status: number): number {
  const p = providers.find((x) => x.name === provider);
  if (!p) return status;
  const call = { provider, headers: {}, requestId: '0', stages: [], scenarioNames: [], codePrefixes: {}, notices: [] } as unknown as Call;
  return p.errorReply(call, { code: 'probe', message: '', status, envelope: 'default' }).status;
}
