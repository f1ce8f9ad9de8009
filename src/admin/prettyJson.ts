import type { NextFunction, Request, Response } from 'express';

/**
 * The control plane's JSON is read by people (curl, a browser), so it is indented by 2 and ends with a
 * newline: `GET /__mock/scenarios` was 32 KB on one line. Express keeps `json spaces` per app, and the
 * admin routes share the app with the vendor front doors, whose bytes stay compact (they write their
 * own), so the admin router sets it per response instead.
 */
export function prettyJson(_req: Request, res: Response, next: NextFunction): void {
  res.json = (body?: unknown) => {
    if (!res.get('Content-Type')) res.type('application/json');
    return res.send(`${JSON.stringify(body ?? null, null, 2)}\n`);
  };
  next();
}
