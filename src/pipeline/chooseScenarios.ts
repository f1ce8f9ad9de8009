import { roleError } from '../errors.ts';
import { firstHeaderValue } from './firstHeaderValue.ts';
import { sharedWarningName } from '../data/sharedWarningName.ts';
import { warningCodes } from '../data/warningCodes.ts';
import type { ApiDefinition, Flavor, Outcome, Scenario } from '../data/types.ts';
import type { Binding } from '../state/bindings.ts';

/** Which way of choosing gave the answer, in the documented order. */
export type Rule = 'header' | 'marker' | 'binding' | 'active' | 'when' | 'default';

export interface ScenarioRequest {
  api: ApiDefinition;
  /** Every API, to name those that can express a shared warning name this one cannot. */
  apis: Iterable<ApiDefinition>;
  flavor: Flavor;
  /** Names from the `X-Mock-Scenario` header, in order. */
  header: string[];
  /** Names from an in-band marker: an image URL's `mock-scenario=`, or the image's own text chunk or comment. */
  markers: string[];
  /** The caller's binding, and the server-wide active scenario. */
  binding?: Binding;
  active?: Binding;
  params: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  caller: string;
}

/** How often a counter has been used so far (times, sequence positions). */
export type CounterReader = (key: string) => number;

/** What one choice carries along: the notices it gives, and the counters it reads. */
interface Choosing { notices: string[]; used: CounterReader }

/** The scenarios of one request, merged: the first error, result and fault win, warnings add up, responses merge in order. */
export interface ChosenScenario {
  rule: Rule;
  names: string[];
  error?: string;
  /** A verification result code the scenario asks for (IdCardOCRVerification `result:-4`). */
  result?: string;
  warnings: string[];
  response: Record<string, unknown>;
  latencyMs?: number | { min: number; max: number };
  fault?: Outcome['fault'];
  codePrefixes: Record<string, string>;
  /** Counters this choice uses up; the caller counts them at once. */
  consume: string[];
  /** What was not applied, and why (never silent): journal and X-Mock-Notice. */
  notices: string[];
}

interface Candidate { rule: Rule; names: string[]; outcomes: Outcome[]; consume: string[] }

/**
 * Chooses what to play back. A pure function; the order is:
 * 1. the scenarios named in the `X-Mock-Scenario` header (all of them, combined);
 * 2. those named by an in-band marker in the request (an image URL's `mock-scenario=`, an image's text);
 * 3. the binding of the caller's credential;
 * 4. the server-wide active scenario;
 * 5. the first file scenario whose `when` (parameters, headers, caller) holds;
 * 6. none: the generated answer for the person in the image.
 * A scenario with `times` falls through to the next way once the caller has used it up; one with
 * `steps` plays them in order per caller (the last repeats unless `repeatLast` is false). An unknown
 * name in the header or a marker is an error that lists the valid names; in a binding or the active
 * scenario it does not apply to this API, and the request falls through with a notice.
 */
export function chooseScenarios(req: ScenarioRequest, used: CounterReader): ChosenScenario {
  const ch: Choosing = { notices: [], used };
  // In order, each only when the one before gave nothing; nearly every request has none of them and
  // no file scenario with a `when`, and gets the default without building anything on the way.
  const c = named('header', req.header, req, ch, true)
    ?? named('marker', req.markers, req, ch, true)
    ?? (req.binding && bound('binding', req.binding, `binding:${req.binding.id}:${req.caller}`, req, ch))
    ?? (req.active && bound('active', req.active, `active:${req.active.id}:${req.caller}`, req, ch))
    ?? matching(req, ch);
  return combine(c ?? { rule: 'default', names: [], outcomes: [], consume: [] }, req, ch.notices);
}

/** Names from the header or a marker; `strict`: an unknown name is an error. */
function named(rule: Rule, names: string[], req: ScenarioRequest, ch: Choosing, strict: boolean): Candidate | undefined {
  if (!names.length) return undefined;
  const outcomes: Outcome[] = [];
  const consume: string[] = [];
  const used: string[] = [];
  for (const name of names) {
    const s = resolve(req, name, strict, ch);
    if (!s) continue;
    const played = play(s, `${req.api.meta.action}:${s.name}:${req.caller}`, req, ch);
    if (!played) continue;
    used.push(s.name);
    outcomes.push(...played.outcomes);
    consume.push(...played.consume);
  }
  return used.length ? { rule, names: used, outcomes, consume } : undefined;
}

function bound(rule: Rule, b: Binding, key: string, req: ScenarioRequest, ch: Choosing): Candidate | undefined {
  const turn = takeTurn(b, key, `the ${rule} scenario`, req, ch);
  if (!turn) return undefined;
  if (turn.step) return { rule, ...turn.step, consume: turn.consume };
  const c = named(rule, scenarioNames(b.scenario), req, ch, false);
  return c ? { ...c, consume: [...turn.consume, ...c.consume] } : undefined;
}

/** The first file scenario whose `when` holds for this request. */
function matching(req: ScenarioRequest, ch: Choosing): Candidate | undefined {
  for (const s of withWhen(req.api)) {
    if (!holds(s.when!, req)) continue;
    const played = play(s, `${req.api.meta.action}:${s.name}:${req.caller}`, req, ch);
    if (played) return { rule: 'when', names: [s.name], ...played };
  }
  return undefined;
}

const conditional = new WeakMap<ApiDefinition['scenarios'], Scenario[]>();

/** The API's scenarios that have a `when`, in order: found once (the data is loaded at boot; an API has a scenario per catalog code, and few have a `when`). */
function withWhen(api: ApiDefinition): Scenario[] {
  let list = conditional.get(api.scenarios);
  if (!list) conditional.set(api.scenarios, (list = [...api.scenarios.values()].filter((s) => s.when)));
  return list;
}

function holds(when: NonNullable<Scenario['when']>, req: ScenarioRequest): boolean {
  const params = Object.entries(when.params ?? {}).every(([k, v]) => req.params[k] === v);
  const headers = Object.entries(when.headers ?? {}).every(([k, v]) => firstHeaderValue(req.headers[k.toLowerCase()]) === v);
  const callers = when.caller === undefined ? undefined : [when.caller].flat();
  return params && headers && (!callers || callers.includes(req.caller)) && (when.params !== undefined || when.headers !== undefined || callers !== undefined);
}

/** A scenario's outcomes for this caller now: itself, or its current step; undefined when used up. */
function play(s: Scenario, key: string, req: ScenarioRequest, ch: Choosing): { outcomes: Outcome[]; consume: string[] } | undefined {
  const turn = takeTurn(s, key, `scenario ${s.name}`, req, ch);
  if (!turn) return undefined;
  if (!turn.step) return { outcomes: [s], consume: turn.consume };
  return { outcomes: [{ codePrefixes: s.codePrefixes } as Outcome, ...turn.step.outcomes], consume: turn.consume };
}

/**
 * This caller's turn of a binding or a scenario, counted under `key`: undefined (with a notice naming `what`)
 * once its `times` are used up or its `steps` are over (the last repeats unless `repeatLast` is false);
 * else the counters the turn uses and, with steps, the current one expanded.
 */
function takeTurn(
  counted: Pick<Binding, 'times' | 'steps' | 'repeatLast'>, key: string, what: string, req: ScenarioRequest, ch: Choosing,
): { consume: string[]; step?: { names: string[]; outcomes: Outcome[] } } | undefined {
  const { times, steps, repeatLast } = counted;
  if (times !== undefined && ch.used(`${key}:times`) >= times) {
    ch.notices.push(`${what} was used up (times ${times})`);
    return undefined;
  }
  const consume = times !== undefined ? [`${key}:times`] : [];
  if (!steps) return { consume };
  const position = ch.used(`${key}:step`);
  const step = position < steps.length ? steps[position] : repeatLast === false ? undefined : steps.at(-1);
  if (!step) {
    ch.notices.push(`the steps of ${what} are over (repeatLast false)`);
    return undefined;
  }
  const expanded = expandStep(step, req, ch);
  return expanded ? { consume: [...consume, `${key}:step`], step: expanded } : undefined;
}

/** A step is an outcome of its own, or names other scenarios (`scenario`), or both. */
function expandStep(step: Outcome, req: ScenarioRequest, ch: Choosing): { names: string[]; outcomes: Outcome[] } | undefined {
  const resolved = scenarioNames(step.scenario).map((n) => resolve(req, n, false, ch));
  if (resolved.some((s) => !s)) return undefined;
  return { names: resolved.map((s) => s!.name), outcomes: [...(resolved as Scenario[]), step] };
}

/** The names of a comma-separated list (a binding's or a step's `scenario`). */
function scenarioNames(list: string | undefined): string[] {
  return (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * A name of this API's scenarios, or a shared warning name (`warning:copy`) this API can express.
 * Unknown: an error when `strict` (the header, a marker), else a notice and undefined.
 */
function resolve(req: ScenarioRequest, name: string, strict: boolean, ch: Choosing): Scenario | undefined {
  const { api } = req;
  const s = api.scenarios.get(name);
  if (s) return s;
  const shared = sharedWarningName(name);
  if (shared !== undefined) {
    const codes = warningCodes(api, shared, req.flavor);
    if (codes.length) return { name, description: `the shared warning ${shared}`, source: 'vocabulary', warnings: codes };
    const can = [...req.apis].filter((a) => warningCodes(a, shared).length > 0).map((a) => a.meta.action).sort();
    if (can.length) {
      if (strict) throw roleError('inexpressibleWarning', { name, action: api.meta.action, apis: can.join(', ') });
      ch.notices.push(`${api.meta.action} cannot report ${name} (${can.join(', ')} can)`);
      return undefined;
    }
  }
  if (strict) throw roleError('unknownScenario', { name, action: api.meta.action, valid: [...api.scenarios.keys()].join(', ') });
  ch.notices.push(`scenario ${name} does not apply to ${api.meta.action}`);
  return undefined;
}

function combine(c: Candidate, req: ScenarioRequest, notices: string[]): ChosenScenario {
  const out: ChosenScenario = { rule: c.rule, names: c.names, warnings: [], response: {}, codePrefixes: {}, consume: c.consume, notices };
  for (const o of c.outcomes) {
    out.error ??= o.error;
    out.result ??= o.result;
    out.fault ??= o.fault;
    out.latencyMs ??= o.latencyMs;
    for (const w of o.warnings ?? []) for (const code of warningCodes(req.api, w, req.flavor)) if (!out.warnings.includes(code)) out.warnings.push(code);
    out.response = deepMerge(out.response, o.response ?? {});
    Object.assign(out.codePrefixes, o.codePrefixes ?? {});
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
