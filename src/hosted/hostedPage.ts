import { isStateUnavailable } from '../state/redis/StateUnavailable.ts';
import express, { Router } from 'express';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';
import { maskPersonal } from '../journalEntries/maskPersonal.ts';
import { decideFlow, outcomesOf } from './decideFlow.ts';
import type { Runtime } from '../runtime.ts';

// The page's files, served as they are (no build step), like the dashboard's: src/hosted/ui/.
const UI_DIR = join(packageRoot, 'src', 'hosted', 'ui');
const UI_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};
const PERSON_SCHEMA = { type: 'object', properties: { name: { type: 'string', 'x-personal': 'name' }, idNum: { type: 'string', 'x-personal': 'idNumber' } } } as const;

/**
 * The hosted verification page (a DetectAuth-style flow's Url): GET /verify/<token> is the page; it
 * reads GET /verify/<token>/flow (the person, masked, and the outcomes to choose from) and sends the
 * choice to POST /verify/<token>/outcome, which answers where to send the browser.
 */
export function hostedPage(rt: Runtime): Router {
  const r = Router();
  const headers = (res: express.Response): void => { for (const [k, v] of Object.entries(UI_HEADERS)) res.setHeader(k, v); };
  r.use('/assets', express.static(UI_DIR, { setHeaders: headers, index: false }));
  r.get('/:token', (_req, res) => { headers(res); res.sendFile(join(UI_DIR, 'index.html')); });
  r.get('/:token/flow', async (req, res) => {
    const flow = await rt.state.faceIdFlows.find(req.params.token);
    if (!flow) {
      res.status(404).json({ error: 'idcard-mock: no verification flow has this token (issued since the last reset)' });
      return;
    }
    await rt.clock.refresh();
    const now = rt.clock.now();
    const outcomes = Object.entries(outcomesOf(rt, flow)).map(([code, e]) => ({ code, en: e.en, zh: e.zh, stage: e.stage }));
    res.json({
      token: flow.token,
      person: maskPersonal(flow.person, PERSON_SCHEMA),
      readFromCard: flow.card !== undefined,
      state: flow.outcome !== undefined ? 'finished' : now > flow.expiresAt ? 'expired' : 'open',
      outcome: flow.outcome ?? null,
      expiresAt: new Date(flow.expiresAt).toISOString(),
      redirects: flow.redirectUrl !== undefined,
      outcomes,
    });
  });
  r.post('/:token/outcome', express.json({ limit: '4kb' }), async (req, res) => {
    const d = await decideFlow(rt, req.params.token, (req.body as { outcome?: unknown } | undefined)?.outcome, 'page');
    res.status(d.status).json(d.body);
  });
  // The state store lost (Redis): the page's calls get 503 and say why, as the control plane's do; anything else is a 500 in JSON.
  r.use((err: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (!isStateUnavailable(err)) console.error('idcard-mock: hosted page error', err);
    res.status(isStateUnavailable(err) ? 503 : 500).json({ error: `idcard-mock: ${isStateUnavailable(err) ? err.message : 'internal error'}` });
  });
  return r;
}
