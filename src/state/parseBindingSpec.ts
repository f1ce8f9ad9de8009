import { didYouMean } from '../cli/didYouMean.ts';
import { scenarioNameKnown } from '../data/scenarioNameKnown.ts';
import { scenarioNames } from '../data/scenarioNames.ts';
import type { DataSet, Outcome } from '../data/types.ts';
import type { BindingSpec } from './bindings.ts';
import { stepProblems } from './stepProblems.ts';

export type ParsedBindingSpec = { spec: BindingSpec; problems?: undefined } | { spec?: undefined; problems: string[] };

const KEYS = ['scenario', 'steps', 'times', 'repeatLast'];
/** What people write for the plain answer in `steps`; it is `{}`, and no scenario has these names. */
const PLAIN_WORDS = ['default', 'ok', 'success', 'plain', 'normal', 'none'];

/**
 * `{ scenario | steps, times, repeatLast }` as PUT /__mock/bindings and /__mock/active take it (and
 * startMock's bind and setActive), checked against the scenarios of every API and each step against
 * the scenario schema (stepProblems): a mistake is a problem here, at bind time, rather than a silent
 * fall-through or a made-up answer on every later request. Unknown names get the nearest known one.
 */
export function parseBindingSpec(data: DataSet, input: unknown): ParsedBindingSpec {
  const body = (input ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof body !== 'object' || Array.isArray(body)) return { problems: ['the binding must be an object'] };
  for (const k of Object.keys(body).filter((key) => !KEYS.includes(key))) problems.push(`unknown key ${k}${didYouMean(k, KEYS)}; allowed: ${KEYS.join(', ')}`);
  if ((body.scenario === undefined) === (body.steps === undefined)) problems.push('give exactly one of `scenario` (a name, or names comma-separated) and `steps` (a list)');
  if (body.scenario !== undefined && (typeof body.scenario !== 'string' || body.scenario.trim() === '')) problems.push('`scenario` must be a non-empty string');
  if (body.steps !== undefined && (!Array.isArray(body.steps) || body.steps.length === 0)) problems.push('`steps` must be a non-empty list');
  if (body.times !== undefined && (!Number.isInteger(body.times) || (body.times as number) < 1)) problems.push('`times` must be a positive integer');
  if (body.repeatLast !== undefined && typeof body.repeatLast !== 'boolean') problems.push('`repeatLast` must be true or false');
  const steps = Array.isArray(body.steps) ? body.steps.map((s, i) => {
    if (typeof s !== 'string') return s as Outcome;
    if (PLAIN_WORDS.includes(s.trim().toLowerCase())) {
      problems.push(`/steps/${i}: ${JSON.stringify(s)} is not a scenario; write {} for the plain answer`);
      return {};
    }
    return { scenario: s };
  }) : undefined;
  if (steps?.length) problems.push(...stepProblems(data, steps));
  // Each name with where it was written: `scenario` (said by the message itself), or a step's `/steps/1/scenario: `.
  const names = [
    ...String(body.scenario ?? '').split(',').map((n) => ['', n] as const),
    ...(steps ?? []).flatMap((s, i) => (typeof s === 'object' && s !== null && typeof s.scenario === 'string' ? s.scenario.split(',').map((n) => [`/steps/${i}/scenario: `, n] as const) : [])),
  ].map(([at, n]) => [at, n.trim()] as const).filter(([, n]) => n);
  let known: string[] | undefined;
  for (const [at, n] of names) {
    if (scenarioNameKnown(data, n)) continue;
    const plain = PLAIN_WORDS.includes(n.toLowerCase()) ? '; the plain answer is no binding (DELETE it) or the step {}' : '';
    problems.push(`${at}no API has a scenario named ${n}${didYouMean(n, (known ??= scenarioNames(data)))} (GET /__mock/scenarios lists them)${plain}`);
  }
  if (problems.length) return { problems };
  return { spec: { scenario: body.scenario as string | undefined, steps, times: body.times as number | undefined, repeatLast: body.repeatLast as boolean | undefined } };
}
