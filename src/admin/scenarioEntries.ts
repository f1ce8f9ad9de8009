import { formatMessage, lookupError } from '../data/catalog.ts';
import { clientStatus } from './clientStatus.ts';
import { warningCodes } from '../data/warningCodes.ts';
import type { ApiDefinition, DataSet, Flavor, Outcome, Scenario } from '../data/types.ts';

export interface Message { en: string; zh: string }

/** One scenario as `GET /__mock/scenarios` lists it: what it is, where it comes from, and what a client gets. */
export interface ScenarioEntry {
  name: string;
  description: string;
  /** A file path, `catalog` (every code is a scenario of its name) or `vocabulary` (a shared warning name). */
  source: string;
  /** The error answered: the code, the HTTP status the client sees, the message in both languages. */
  error?: { code: string; httpStatus: number; message: Message };
  /** The warning codes raised, each with the request flag that reports it (none: always reported). */
  warnings?: { code: string; flag?: string; flavors?: Flavor[]; message: Message }[];
  /** A verification API's business result. */
  result?: { code: string; charged: boolean; message: Message };
  response?: Record<string, unknown>;
  latencyMs?: Outcome['latencyMs'];
  fault?: Outcome['fault'];
  when?: Scenario['when'];
  times?: number;
  steps?: Outcome[];
  repeatLast?: boolean;
  person?: Scenario['person'];
}

/** The APIs `?api=` names: an action (`IDCardOCR`) or `provider:Action`; every API without it. Undefined: no such API. */
export function selectApis(data: DataSet, api: string | undefined): [string, ApiDefinition][] | undefined {
  const all = [...data.apis];
  if (api === undefined) return all;
  const chosen = all.filter(([key, a]) => key === api || a.meta.action === api);
  return chosen.length ? chosen : undefined;
}

/** Every scenario of an API, with the shared warning names it can express that no file or code already names. */
export function scenarioEntries(data: DataSet, api: ApiDefinition): ScenarioEntry[] {
  const listed = [...api.scenarios.values()];
  const names = new Set(listed.map((s) => s.name));
  const shared = [...new Set(Object.values(api.warnings).flatMap((w) => (w.name ? [w.name] : [])))]
    .filter((n) => !names.has(`warning:${n}`))
    .map((n): Scenario => ({ name: `warning:${n}`, description: `The shared warning name ${n}: the condition is present`, source: 'vocabulary', warnings: [n] }));
  return [...listed, ...shared].map((s) => entry(data, api, s));
}

function entry(data: DataSet, api: ApiDefinition, s: Scenario): ScenarioEntry {
  const { provider, action } = api.meta;
  const out: ScenarioEntry = { name: s.name, description: s.description, source: s.source };
  if (s.error) {
    const e = lookupError(data, provider, action, s.error);
    // A scenario's error without vars is answered with the catalog's placeholder values, as here.
    if (e) out.error = { code: s.error, httpStatus: clientStatus(provider, e.status || 400), message: both((l) => formatMessage(e, l, {})) };
  }
  if (s.warnings?.length) out.warnings = warningEntries(api, s.warnings);
  if (s.result) {
    const r = api.results.results[s.result];
    if (r) out.result = { code: s.result, charged: r.charged, message: { en: r.en, zh: r.zh } };
  }
  const { response, latencyMs, fault, when, times, steps, repeatLast, person } = s;
  const more = { response, latencyMs, fault, when, times, steps, repeatLast, person };
  return { ...out, ...Object.fromEntries(Object.entries(more).filter(([, v]) => v !== undefined)) };
}

/** A scenario's warnings are the API's codes or shared names (copy, reshoot, …); a shared name is every code that carries it. */
function warningEntries(api: ApiDefinition, warnings: string[]): NonNullable<ScenarioEntry['warnings']> {
  const codes = warnings.flatMap((w) => warningCodes(api, w));
  return [...new Set(codes)].map((code) => {
    const w = api.warnings[code]!;
    return { code, ...(w.flag ? { flag: w.flag } : {}), ...(w.flavors ? { flavors: w.flavors } : {}), message: { en: w.en, zh: w.zh } };
  });
}

function both(text: (lang: 'en-US' | 'zh-CN') => string): Message {
  return { en: text('en-US'), zh: text('zh-CN') };
}
