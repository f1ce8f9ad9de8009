import type { NextFunction, Request, Response } from 'express';
import { didYouMean } from '../cli/didYouMean.ts';
import { adminDocument } from './openApiDocument.ts';

interface AdminRoute { path: string; pattern: RegExp; methods: string[] }

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);
let known: AdminRoute[] | undefined;

/**
 * The control plane's routes, from its OpenAPI document (schemas/_meta/admin.openapi.json, which
 * test/admin/openapi.test.ts holds to the Express routes), matched as Express matches them: without
 * regard to case, with or without a trailing slash.
 */
function adminRoutes(): AdminRoute[] {
  known ??= Object.entries(adminDocument().paths ?? {}).map(([path, item]) => {
    const methods = Object.keys(item).filter((m) => HTTP_METHODS.has(m)).map((m) => m.toUpperCase());
    // A GET route answers HEAD too (Express does that).
    if (methods.includes('GET')) methods.push('HEAD');
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+').replace(/\/$/, '');
    return { path, pattern: new RegExp(`^${source}/?$`, 'i'), methods };
  });
  return known;
}

/**
 * The last handler under /__mock: a request no route took. A route's path with another method is
 * 405 with `Allow` (a POST to /__mock/health, a GET of /__mock/reset), not the catch-all "no emulated
 * API"; any other path is 404 naming the nearest route. OPTIONS goes on: Express answers it with Allow.
 */
export function unmatchedAdmin() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'OPTIONS') return next();
    const path = `${req.baseUrl}${req.path}`;
    const routes = adminRoutes();
    const allow = [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))].sort();
    if (allow.includes(req.method)) {
      // A route that let the request pass (the dashboard's files: a file it does not have).
      res.status(404).json({ error: `idcard-mock: nothing at ${path}` });
      return;
    }
    if (allow.length) {
      res.status(405).set('Allow', allow.join(', ')).json({ error: `idcard-mock: ${req.method} is not a method of ${path}, which takes ${allow.join(', ')}`, allow });
      return;
    }
    const paths = routes.map((r) => r.path);
    res.status(404).json({ error: `idcard-mock: no control-plane route ${path}${didYouMean(path, paths)}`, routes: paths });
  };
}
