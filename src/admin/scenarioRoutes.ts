import { Router, type Request, type Response } from 'express';
import type { Runtime } from '../runtime.ts';
import type { BindingSpec } from '../state/bindings.ts';
import { parseBindingSpec } from '../state/parseBindingSpec.ts';
import { duration, instant } from '../state/timeInput.ts';
import { coverageReport } from '../coverageReport.ts';
import { requireJsonBody } from './requireJsonBody.ts';

/**
 * Steering from outside the app: per-caller bindings (`PUT/GET/DELETE /__mock/bindings/{credential}`,
 * the credential a Tencent SecretId, a Huawei AK or an IAM token's user@project), the server-wide
 * active scenario (`PUT/GET/DELETE /__mock/active`), the clock and coverage.
 */
export function scenarioRoutes(rt: Runtime): Router {
  const r = Router();
  const { bindings } = rt.state;
  const json = requireJsonBody();
  r.get('/bindings', async (_req, res) => { res.json(await bindings.all()); });
  r.get('/bindings/:credential', async (req, res) => {
    const b = await bindings.of(String(req.params.credential));
    if (!b) res.status(404).json({ error: `idcard-mock: no binding for ${req.params.credential}` });
    else res.json(b);
  });
  r.put('/bindings/:credential', json, async (req, res) => {
    const spec = bindingSpec(rt, req, res);
    if (spec) res.json(await bindings.bind(String(req.params.credential), spec));
  });
  r.delete('/bindings/:credential', async (req, res) => {
    res.status((await bindings.unbind(String(req.params.credential))) ? 204 : 404).end();
  });
  r.get('/active', async (_req, res) => { res.json((await bindings.active()) ?? null); });
  r.put('/active', json, async (req, res) => {
    const spec = bindingSpec(rt, req, res);
    if (spec) res.json(await bindings.setActive(spec));
  });
  r.delete('/active', async (_req, res) => {
    await bindings.setActive(undefined);
    res.status(204).end();
  });

  r.get('/clock', async (_req, res) => {
    await rt.clock.refresh();
    res.json(rt.clock.state);
  });
  r.post('/clock', json, async (req, res) => {
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
    if (body.follow === true) await rt.clock.follow(set === undefined && advance === undefined ? false : true);
    if (set !== undefined) await rt.clock.set(set);
    if (advance !== undefined) await rt.clock.advance(advance);
    if (body.follow === true && set !== undefined) await rt.clock.follow(true);
    res.json(rt.clock.state);
  });

  r.get('/coverage', async (_req, res) => {
    res.json(await coverageReport(rt));
  });
  return r;
}

/** The request's binding, or a 400 naming every problem with it. */
function bindingSpec(rt: Runtime, req: Request, res: Response): BindingSpec | undefined {
  const parsed = parseBindingSpec(rt.data, req.body);
  if (parsed.problems) res.status(400).json({ error: `idcard-mock: ${parsed.problems.join('; ')}` });
  return parsed.spec;
}
