import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { resetRuntime } from '../runtime.ts';
import { adminGuard } from './adminGuard.ts';
import { scenarioRoutes } from './scenarioRoutes.ts';
import type { Runtime } from '../runtime.ts';
import { testKeyPair } from '../encryption/testKeyPair.ts';
import { journalEvents } from './journalEvents.ts';
import { dashboard } from './dashboard.ts';
import { prettyJson } from './prettyJson.ts';
import { scenarioEntries, selectApis } from './scenarioEntries.ts';
import { openApiDocument } from './openApiDocument.ts';
import { filterJournal } from '../journalEntries/filterJournal.ts';
import { unmatchedAdmin } from './unmatchedAdmin.ts';
import { bodyProblem, requireJsonBody } from './requireJsonBody.ts';
import { isStateUnavailable } from '../state/redis/StateUnavailable.ts';
import { decideFlow } from '../hosted/decideFlow.ts';

/** The control plane under /__mock: health, what can be asked for, what was answered (also live, GET /events), steering (bindings, active, clock), coverage, reset, and the dashboard (/ui). */
export function adminRouter(rt: Runtime): Router {
  const r = Router();
  r.use(adminGuard(rt.config.adminToken));
  r.use(express.json({ limit: '1mb' }));
  r.use(prettyJson);
  // This API's own contract (OpenAPI 3.1, schemas/_meta/admin.openapi.json; test/admin/openapi.test.ts holds it to the routes).
  r.get('/openapi.json', (req, res) => { res.json(openApiDocument(`${req.protocol}://${req.get('host')}`)); });
  // `degraded` (503) while the state store is lost: answers would be the vendor's internal error until it returns.
  r.get('/health', (_req, res) => {
    const healthy = rt.state.healthy();
    res.status(healthy ? 200 : 503).json({
      status: healthy ? 'ok' : 'degraded', apis: [...rt.data.apis.keys()], auth: rt.config.auth, flavor: rt.config.flavor,
      state: rt.state.kind, ...(rt.replica !== undefined && rt.state.kind !== 'memory' && { replica: rt.replica }),
    });
  });
  // ?api=IDCardOCR (the action) or ?api=tencent:IDCardOCR; each entry with the error, warnings or result a client gets.
  r.get('/scenarios', (req, res) => {
    const api = typeof req.query.api === 'string' ? req.query.api : undefined;
    const apis = selectApis(rt.data, api);
    if (!apis) {
      res.status(404).json({ error: `idcard-mock: no API ${api}`, apis: [...rt.data.apis.keys()] });
      return;
    }
    res.json(Object.fromEntries(apis.map(([key, a]) => [key, scenarioEntries(rt.data, a)])));
  });
  // The published TEST key pair for IdCardOCRVerification's Encryption (README): the PEM public key to
  // encrypt the AES key with, and the whole pair with how the emulator decrypts.
  r.get('/encryption/public-key', (_req, res) => {
    res.type('application/x-pem-file').send(testKeyPair(rt.config.dataDir).publicKey);
  });
  r.get('/encryption', (_req, res) => {
    res.json({
      ...testKeyPair(rt.config.dataDir),
      warning: 'A published TEST key pair: anything encrypted with it is readable by anyone.',
      keyWrapping: 'RSA-OAEP with SHA-256 or SHA-1 over a random 32-byte key, Base64 → Encryption.CiphertextBlob',
      fields: 'AES-256-CBC, PKCS#7, IV = the 16 characters of Encryption.Iv, Base64 → Name / IdCard',
      opaque: 'SM4-GCM, and a CiphertextBlob not made with this key, are used as sent',
    });
  });
  // Filters: ?api=IDCardOCR (the action), ?caller=AKID…, ?outcome=ok|<code>, ?since=<ISO time or epoch ms>.
  r.get('/journal', async (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    const since = q.since === undefined ? undefined : /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since);
    if (since !== undefined && !Number.isFinite(since)) {
      res.status(400).json({ error: 'idcard-mock: `since` must be an ISO 8601 time or epoch milliseconds' });
      return;
    }
    res.json(filterJournal(await rt.state.journal.list(), { api: q.api, caller: q.caller, outcome: q.outcome, since }));
  });
  // A hosted verification finished without a browser: what the tester would click on the flow's page.
  r.post('/faceid/verify', requireJsonBody(), async (req, res) => {
    const body = (req.body ?? {}) as { token?: unknown; outcome?: unknown };
    if (typeof body.token !== 'string' || body.token === '') {
      res.status(400).json({ error: 'idcard-mock: send {"token": "<the token the flow was started with>", "outcome": "<an outcome code>"}' });
      return;
    }
    const d = await decideFlow(rt, body.token, body.outcome, 'control');
    res.status(d.status).json(d.body);
  });
  r.post('/reset', async (_req, res) => {
    await resetRuntime(rt);
    res.json({ status: 'reset' });
  });
  r.use(scenarioRoutes(rt));
  r.get('/events', journalEvents(rt.state.journal));
  r.use('/ui', dashboard());
  r.use(unmatchedAdmin());
  // A body the JSON parser refuses (or any other failure) is a JSON answer too, never Express's HTML
  // page; a refused body is named as the request body, with the parser's reason.
  r.use((err: { status?: number; message?: string; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (isStateUnavailable(err)) {
      res.status(503).json({ error: `idcard-mock: ${err.message}` });
      return;
    }
    const status = typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) console.error('idcard-mock: admin error', err);
    res.status(status).json({ error: `idcard-mock: ${status === 500 ? 'internal error' : bodyProblem(err) ?? err.message ?? 'bad request'}` });
  });
  return r;
}
