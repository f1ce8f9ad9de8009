import express, { type Express } from 'express';
import { defaultConfig, type Config } from './config.ts';
import { createRuntime, type Runtime } from './runtime.ts';
import { adminRouter } from './admin/adminRouter.ts';
import { frontDoors } from './lifecycle.ts';
import { providers } from './providers/index.ts';
import { hostedPage } from './hosted/hostedPage.ts';
import { HOSTED_PAGE_PATH } from './hosted/hostedPagePath.ts';

export type AppOptions = Partial<Config>;

/**
 * The emulator as an Express app, without listening: the CLI listens on it, tests hand it to
 * supertest or listen on an ephemeral port. Loads and checks all data first (throws DataError).
 * The vendors' front doors come first, so API traffic meets no middleware it does not need.
 */
export function createApp(options: AppOptions = {}): Express {
  const rt: Runtime = createRuntime(defaultConfig(options));
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.locals.runtime = rt;
  app.use(frontDoors(rt, providers));
  app.use('/__mock', adminRouter(rt));
  app.use(HOSTED_PAGE_PATH, hostedPage(rt));
  app.use((req, res) => {
    res.status(404).json({ error: 'idcard-mock: no emulated API at this path', method: req.method, path: req.path });
  });
  return app;
}

export function runtimeOf(app: Express): Runtime {
  return app.locals.runtime as Runtime;
}
