import { Router } from 'express';
import type { Runtime } from '../runtime.ts';

/** The control plane under /__mock: health, what can be asked for, what was answered, and reset. */
export function adminRouter(rt: Runtime): Router {
  const r = Router();
  r.get('/health', (_req, res) => {
    res.json({ status: 'ok', apis: [...rt.data.apis.keys()], auth: rt.config.auth, flavor: rt.config.flavor });
  });
  r.get('/scenarios', (_req, res) => {
    res.json(Object.fromEntries([...rt.data.apis].map(([key, api]) => [
      key,
      [...api.scenarios.values()].map(({ name, description, source }) => ({ name, description, source })),
    ])));
  });
  r.get('/journal', (_req, res) => {
    res.json(rt.journal.list());
  });
  r.post('/reset', (_req, res) => {
    rt.journal.reset();
    rt.register.reset();
    rt.limiter.reset();
    res.json({ status: 'reset' });
  });
  return r;
}
