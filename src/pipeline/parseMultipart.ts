import { Readable } from 'node:stream';
import type { RequestHandler } from 'express';
import { roleError } from '../errors.ts';
import { requireDependency } from '../requireDependency.ts';

// multer and busboy (some 20 files) are loaded with the first multipart request, not at every start.
let upload: RequestHandler | undefined;

/**
 * Parses a multipart/form-data body that has already been captured (the TC3 signature is over its raw
 * bytes) by replaying it through multer. Fields and file parts both become text parameters.
 */
export function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, string>> {
  const req = Object.assign(Readable.from([body]), {
    headers: { 'content-type': contentType, 'content-length': String(body.length) },
  });
  if (!upload) {
    const multer = requireDependency('multer') as typeof import('multer');
    upload = multer({ storage: multer.memoryStorage() }).any();
  }
  const parse = upload;
  return new Promise((resolve, reject) => {
    parse(req as never, {} as never, (err: unknown) => {
      if (err) return reject(roleError('malformedMultipart', { detail: String((err as Error).message ?? err) }));
      const r = req as unknown as { body?: Record<string, string>; files?: Express.Multer.File[] };
      const out: Record<string, string> = { ...(r.body ?? {}) };
      for (const f of r.files ?? []) out[f.fieldname] = f.buffer.toString('utf8');
      resolve(out);
    });
  });
}
