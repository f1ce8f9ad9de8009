import { raise } from '../errors.ts';
import type { ApiDefinition, Scenario } from '../data/types.ts';

export interface ScenarioRequest {
  /** Names from the `X-Mock-Scenario` header, in order. */
  named: string[];
  /** Names from a fixture image's marker (`scenario=` in the image comment). */
  fromImage: string[];
  params: Record<string, unknown>;
}

/** The scenarios of one request, merged: the first error (and result) wins, warnings add up, responses merge in order. */
export interface ChosenScenario {
  names: string[];
  error?: string;
  /** A verification result code the scenario asks for (IdCardOCRVerification `result:-4`). */
  result?: string;
  warnings: string[];
  response: Record<string, unknown>;
  delayMs: number;
}

/**
 * Chooses what to play back. A pure function; the order is:
 * 1. the scenarios named in the request header (all of them, combined);
 * 2. else those named by the fixture image's marker;
 * 3. else every file scenario whose `when.params` all equal the request's parameters;
 * 4. else none: the generated answer for the person in the image.
 * An unknown name is an error that lists the valid names.
 */
export function chooseScenarios(api: ApiDefinition, req: ScenarioRequest): ChosenScenario {
  const names = req.named.length ? req.named : req.fromImage;
  const picked = names.length ? names.map((n) => resolve(api, n)) : [...api.scenarios.values()].filter((s) => matches(s, req.params));
  return combine(picked);
}

function resolve(api: ApiDefinition, name: string): Scenario {
  const s = api.scenarios.get(name);
  if (s) return s;
  throw raise('unknownScenario', { name, action: api.meta.action, valid: [...api.scenarios.keys()].join(', ') });
}

function matches(s: Scenario, params: Record<string, unknown>): boolean {
  const want = s.when?.params;
  return !!want && Object.entries(want).every(([k, v]) => params[k] === v);
}

export function combine(scenarios: Scenario[]): ChosenScenario {
  const out: ChosenScenario = { names: [], warnings: [], response: {}, delayMs: 0 };
  for (const s of scenarios) {
    out.names.push(s.name);
    out.error ??= s.error;
    out.result ??= s.result;
    for (const w of s.warnings ?? []) if (!out.warnings.includes(w)) out.warnings.push(w);
    out.response = deepMerge(out.response, s.response ?? {});
    out.delayMs = Math.max(out.delayMs, s.delayMs ?? 0);
  }
  return out;
}

export function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isPlainObject(prev) && isPlainObject(v) ? deepMerge(prev, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
