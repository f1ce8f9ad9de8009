import type { IncomingMessage } from 'node:http';

/** How much of an oversized body is read and thrown away (never kept) before the socket is closed. */
const DRAIN_CAP = 64 * 1024 * 1024;

/**
 * Reads the raw request body, up to `limit` bytes. Signatures are computed over these exact bytes
 * (Tencent TC3 and Huawei SDK-HMAC-SHA256 both hash the body as sent), so nothing re-serialises it.
 * An oversized body is refused from Content-Length before anything is read, or as soon as the
 * stream passes the limit; the excess is drained without being buffered, so the client can read
 * the error reply instead of seeing a reset connection.
 */
export function captureBody(req: IncomingMessage, limit: number, tooLarge: (size: number) => Error): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    drain(req);
    return Promise.reject(tooLarge(declared));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        drain(req, size);
        reject(tooLarge(size));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    req.once('error', reject);
  });
}

function drain(req: IncomingMessage, already = 0): void {
  let seen = already;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_CAP) req.destroy();
  });
  req.resume();
}
