import type { NextFunction, Request, Response } from 'express';

/**
 * Before a control-plane route that reads a JSON body (PUT /bindings/…, PUT /active, POST /clock): a
 * body the JSON parser left unread, as its Content-Type is not JSON, is a 400 that says so. Without
 * this the route would see no body and answer about the fields it lacks, not about the body.
 */
export function requireJsonBody() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const sent = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (req.body !== undefined || !sent) return next();
    const type = req.get('content-type') ?? 'none';
    res.status(400).json({ error: `idcard-mock: the request body is not JSON: its Content-Type is ${type}; send it as application/json` });
  };
}

/** body-parser's errors of the request body (express.json), in words that say it is the body. */
export function bodyProblem(err: { type?: string; message?: string }): string | undefined {
  if (err.type === 'entity.parse.failed') return `the request body is not JSON (${err.message}); the control plane takes a JSON body with Content-Type application/json`;
  if ((typeof err.type === 'string' && err.type.startsWith('entity.')) || err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return `the request body: ${err.message}`;
  return undefined;
}
