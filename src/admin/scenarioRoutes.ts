import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../runtime.ts';
import type { BindingSpec } from '../state/bindings.ts';
import type { Outcome } from '../data/types.ts';

/**
 * Steering from outside the app: per-caller bindings (`PUT/GET/DELETE /__mock/bindings/{credential}`,
 * the credential a Tencent SecretId, a Huawei AK or an IAM token's user@project), the server-wide
 * active scenario (`PUT/GET/DELETE /__mock/active`), the clock and coverage.
 */
export function scenarioRoutes(rt: Runtime): Router {
  const r = Router();
  const { bindings } = rt.state;
  r.get('/bindings', (_req, res) => { res.json(bindings.all()); });
  r.get('/bindings/:credential', (req, res) => {
    const b = bindings.of(String(req.params.credential));
    if (!b) res.status(404).json({ error: `idcard-mock: no binding for ${req.params.credential}` });
    else res.json(b);
  });
  r.put('/bindings/:credential', (req, res) => {
    const spec = bindingSpec(rt, req, res);
    if (spec) res.json(bindings.bind(String(req.params.credential), spec));
  });
  r.delete('/bindings/:credential', (req, res) => {
    res.status(bindings.unbind(String(req.params.credential)) ? 204 : 404).end();
  });
  r.get('/active', (_req, res) => { res.json(bindings.active ?? null); });
  r.put('/active', (req, res) => {
    const spec = bindingSpec(rt, req, res);
    if (spec) res.json(bindings.setActive(spec));
  });
  r.delete('/active', (_req, res) => {
    bindings.setActive(undefined);
    res.status(204).end();
  });

  r.get('/clock', (_req, res) => { res.json(rt.clock.state); });
  r.post('/clock', (req, res) => {
    const body = (req.body ?? {}) as { set?: unknown; advance?: unknown; follow?: unknown };
    const problems: string[] = [];
    const set = body.set === undefined ? undefined : instant(body.set);
    const advance = body.advance === undefined ? undefined : duration(body.advance);
    if (body.set !== undefined && set === undefined) problems.push('`set` must be an ISO 8601 time or epoch milliseconds');
    if (body.advance !== undefined && advance === undefined) problems.push('`advance` must be milliseconds or a duration such as "25h", "10m", "30s", "1d"');
    if (body.follow !== undefined && typeof body.follow !== 'boolean') problems.push('`follow` must be true or false');
    if (set === undefined && advance === undefined && body.follow === undefined) problems.push('give `set`, `advance` or `follow`');
    if (problems.length) {
      res.status(400).json({ error: `idcard-mock: ${problems.join('; ')}` });
      return;
    }
    if (body.follow === true) rt.clock.follow(set === undefined && advance === undefined ? false : true);
    if (set !== undefined) rt.clock.set(set);
    if (advance !== undefined) rt.clock.advance(advance);
    if (body.follow === true && set !== undefined) rt.clock.follow(true);
    res.json(rt.clock.state);
  });

  r.get('/coverage', (_req, res) => {
    res.json(rt.state.coverage.report(rt.data.apis.values(), (p) => Object.keys(rt.data.commonErrors[p] ?? {})));
  });
  return r;
}

/** `{ scenario | steps, times, repeatLast }`, checked against the scenarios of every API: a name no API knows is a 400. */
function bindingSpec(rt: Runtime, req: Request, res: Response): BindingSpec | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
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
  const apis = [...rt.data.apis.values()];
  for (const n of names) {
    const known = apis.some((a) => a.scenarios.has(n) || (n.startsWith('warning:') && Object.values(a.warnings).some((w) => w.name === n.slice(8))));
    if (!known) problems.push(`no API has a scenario named ${n}`);
  }
  if (problems.length) {
    res.status(400).json({ error: `idcard-mock: ${problems.join('; ')}` });
    return undefined;
  }
  return { scenario: body.scenario as string | undefined, steps, times: body.times as number | undefined, repeatLast: body.repeatLast as boolean | undefined };
}

function instant(v: unknown): number | undefined {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function duration(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(v.trim()) : null;
  return m ? Number(m[1]) * UNITS[m[2]!]! : undefined;
}
