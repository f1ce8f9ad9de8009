import { scenarioNameKnown } from '../data/scenarioNameKnown.ts';
import type { DataSet, Outcome } from '../data/types.ts';
import type { BindingSpec } from './bindings.ts';

export type ParsedBindingSpec = { spec: BindingSpec; problems?: undefined } | { spec?: undefined; problems: string[] };

/**
 * `{ scenario | steps, times, repeatLast }` as PUT /__mock/bindings and /__mock/active take it (and
 * startMock's bind and setActive), checked against the scenarios of every API: a name no API knows is a
 * problem here, at bind time, rather than a silent fall-through on every later request.
 */
export function parseBindingSpec(data: DataSet, input: unknown): ParsedBindingSpec {
  const body = (input ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof body !== 'object' || Array.isArray(body)) return { problems: ['the binding must be an object'] };
  const unknownKeys = Object.keys(body).filter((k) => !['scenario', 'steps', 'times', 'repeatLast'].includes(k));
  if (unknownKeys.length) problems.push(`unknown keys ${unknownKeys.join(', ')}`);
  if ((body.scenario === undefined) === (body.steps === undefined)) problems.push('give exactly one of `scenario` (a name, or names comma-separated) and `steps` (a list)');
  if (body.scenario !== undefined && (typeof body.scenario !== 'string' || body.scenario.trim() === '')) problems.push('`scenario` must be a non-empty string');
  if (body.steps !== undefined && (!Array.isArray(body.steps) || body.steps.length === 0)) problems.push('`steps` must be a non-empty list');
  if (body.times !== undefined && (!Number.isInteger(body.times) || (body.times as number) < 1)) problems.push('`times` must be a positive integer');
  if (body.repeatLast !== undefined && typeof body.repeatLast !== 'boolean') problems.push('`repeatLast` must be true or false');
  const steps = Array.isArray(body.steps) ? body.steps.map((s) => (typeof s === 'string' ? { scenario: s } : s) as Outcome) : undefined;
  const names = [
    ...String(body.scenario ?? '').split(','),
    ...(steps ?? []).flatMap((s) => (typeof s === 'object' && s !== null ? String(s.scenario ?? '').split(',') : [])),
  ].map((s) => s.trim()).filter(Boolean);
  for (const n of names) if (!scenarioNameKnown(data, n)) problems.push(`no API has a scenario named ${n}`);
  if (problems.length) return { problems };
  return { spec: { scenario: body.scenario as string | undefined, steps, times: body.times as number | undefined, repeatLast: body.repeatLast as boolean | undefined } };
}
