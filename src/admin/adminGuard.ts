import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * The control plane answers loopback callers; with `--admin-token`, callers that send it as
 * `Authorization: Bearer <token>` (or `X-Mock-Admin-Token`) from anywhere. The emulator binds to
 * 127.0.0.1 by default; this keeps bindings and the clock safe when it is started with --host 0.0.0.0.
 */
export function adminGuard(token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const sent = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? req.get('x-mock-admin-token');
    if (token && sent !== undefined && sameText(sent, token)) return next();
    if (!token && LOOPBACK.test(req.socket.remoteAddress ?? '')) return next();
    if (token && LOOPBACK.test(req.socket.remoteAddress ?? '') && sent === undefined) return next();
    res.status(403).json({ error: 'idcard-mock: the admin API answers loopback callers, or callers with the --admin-token' });
  };
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
