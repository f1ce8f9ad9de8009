import { isMockError, roleError, type MockError } from '../errors.ts';
import { codeForRole } from '../data/roles.ts';
import { formatMessage, lookupError } from '../data/catalog.ts';
import type { DataSet, ProviderFacts } from '../data/types.ts';
import type { Call, RenderedError } from '../providers/Provider.ts';

/**
 * The one place a thrown value becomes the vendor's error: a role becomes the code the provider's
 * data names, the message comes from the catalog in the call's language, the status from the catalog
 * (a variant may carry its own), and the envelope from the code's family. A bug becomes the
 * provider's internal error, never a crash.
 */
export function renderedError(data: DataSet, provider: string, facts: ProviderFacts, call: Pick<Call, 'api' | 'language' | 'codePrefixes'>, e: unknown): RenderedError & { catalogCode: string } {
  if (!isMockError(e)) console.error('idcard-mock: internal error', e);
  const err: MockError = isMockError(e) ? e : roleError('internal');
  let code = err.code;
  let variant = err.variant;
  if (err.role) {
    const mapped = codeForRole(data, provider, call.api, err.role) ?? codeForRole(data, provider, call.api, 'internal')!;
    ({ code, variant } = mapped);
  }
  const entry = lookupError(data, provider, call.api?.meta.action, code!)
    ?? lookupError(data, provider, undefined, codeForRole(data, provider, undefined, 'internal')!.code)!;
  const message = formatMessage(entry, call.language, err.vars, variant);
  const status = (variant && entry.variants?.[variant]?.status) || entry.status || 400;
  const envelopes = facts.envelopes ?? { default: 'default' };
  const family = Object.keys(envelopes).find((p) => p !== 'default' && code!.startsWith(p));
  const from = Object.keys(call.codePrefixes).find((p) => code!.startsWith(p));
  return {
    code: from ? call.codePrefixes[from] + code!.slice(from.length) : code!,
    catalogCode: code!,
    message,
    status,
    envelope: envelopes[family ?? 'default']!,
  };
}
