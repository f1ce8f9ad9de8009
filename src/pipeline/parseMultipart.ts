import { Readable } from 'node:stream';
import multer from 'multer';
import { raise } from '../errors.ts';

const upload = multer({ storage: multer.memoryStorage() }).any();

/**
 * Parses a multipart/form-data body that has already been captured (the TC3 signature is over its raw
 * bytes) by replaying it through multer. Fields and file parts both become text parameters.
 */
export function parseMultipart(body: Buffer, contentType: string): Promise<Record<string, string>> {
  const req = Object.assign(Readable.from([body]), {
    headers: { 'content-type': contentType, 'content-length': String(body.length) },
  });
  return new Promise((resolve, reject) => {
    upload(req as never, {} as never, (err: unknown) => {
      if (err) return reject(raise('malformedMultipart', { detail: String((err as Error).message ?? err) }));
      const r = req as unknown as { body?: Record<string, string>; files?: Express.Multer.File[] };
      const out: Record<string, string> = { ...(r.body ?? {}) };
      for (const f of r.files ?? []) out[f.fieldname] = f.buffer.toString('utf8');
      resolve(out);
    });
  });
}
