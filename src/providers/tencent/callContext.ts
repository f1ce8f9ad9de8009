import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from '../../config.ts';
import type { Flavor, Language } from '../../data/types.ts';

/** What the Tencent front door knows about a request so far; grows as the lifecycle goes on. */
export interface CallContext {
  requestId: string;
  traceId?: string;
  language: Language;
  /** The language the client named (X-TC-Language, v1 Language), undefined when it named none. */
  requestedLanguage?: Language;
  flavor: Flavor;
  action?: string;
  scenarioNames: string[];
  started: number;
}

export function startCall(headers: IncomingHttpHeaders, config: Config): CallContext {
  return {
    requestId: randomUUID(),
    traceId: headerText(headers['x-tc-traceid']),
    language: languageOf(headerText(headers['x-tc-language'])),
    requestedLanguage: headers['x-tc-language'] ? languageOf(headerText(headers['x-tc-language'])) : undefined,
    flavor: flavorOf(headers, undefined, config),
    scenarioNames: (headerText(headers['x-mock-scenario']) ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    started: config.now(),
  };
}

/** Messages follow X-TC-Language / Language (`zh-CN` or `en-US`); English when absent (section 2.2). */
export function languageOf(value: string | undefined): Language {
  return value === 'zh-CN' ? 'zh-CN' : 'en-US';
}

/**
 * The flavour is what the client reveals: a Host of `*.intl.tencentcloudapi.com`, or an intl SDK's
 * request client (`SDK_NODEJS_INTL_EN3.0.1335`, sent as X-TC-RequestClient or the v1 RequestClient
 * parameter); otherwise `--flavor` (domestic by default).
 */
export function flavorOf(headers: IncomingHttpHeaders, requestClient: string | undefined, config: Config): Flavor {
  const host = headerText(headers.host) ?? '';
  const client = requestClient ?? headerText(headers['x-tc-requestclient']) ?? '';
  if (/\.intl\.tencentcloudapi\.com(:\d+)?$/i.test(host) || /INTL/i.test(client)) return 'intl';
  return config.flavor;
}

export function headerText(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
