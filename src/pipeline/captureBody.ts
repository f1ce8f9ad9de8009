import type { IncomingMessage, ServerResponse } from 'node:http';
import { roleError } from '../errors.ts';

/** How much of an oversized body is read and thrown away (never kept) before the socket is closed. */
const DRAIN_CAP = 64 * 1024 * 1024;
/** How long the rest of an oversized body may take to arrive before the socket is closed. */
const DRAIN_TIME_MS = 10_000;

/**
 * Reads the raw request body, up to `limit` bytes. Signatures are computed over these exact bytes
 * (Tencent TC3 and Huawei SDK-HMAC-SHA256 both hash the body as sent), so nothing re-serialises it.
 * An oversized body is refused from Content-Length before anything is read, or as soon as the
 * stream passes the limit; the excess is drained without being buffered, so the client can read
 * the error reply instead of seeing a reset connection (see closeAfterDrain).
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
    // `on`, not `once`, for events that come once: the request is dropped after its reply, and `once`
    // wraps every listener. A body that came as one chunk is kept as it came (Node hands each chunk over
    // to keep); most bodies but the largest come so.
    req.on('data', onData);
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)));
    // A client gone before the end of its body is nobody's internal error (nor a stack trace in the log).
    const gone = (): void => reject(roleError('clientClosed'));
    req.on('error', gone);
    req.on('close', () => { if (!req.complete) gone(); });
  });
}

const draining = new WeakSet<IncomingMessage>();

/** Reads and discards the rest of the body, at most DRAIN_CAP bytes and DRAIN_TIME_MS; past either, the socket is destroyed. */
function drain(req: IncomingMessage, already = 0): void {
  if (draining.has(req)) return;
  draining.add(req);
  let seen = already;
  const timer = setTimeout(() => req.destroy(), DRAIN_TIME_MS).unref();
  req.once('close', () => clearTimeout(timer));
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_CAP) req.destroy();
  });
  req.resume();
}

/**
 * Makes the reply to an oversized request the connection's last one without breaking the client's
 * upload (see endAfterDrain): the drain is bounded, so the connection cannot be reused after it.
 */
export function closeAfterDrain(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  endAfterDrain(res);
}

/**
 * Lets a client that is still sending its body read a reply given before the body was read (one too
 * large, a wrong method or content type). Node closes the socket as soon as a `Connection: close`
 * response is finished (the client asked for it, or closeAfterDrain); a client still writing its
 * body (the SDKs write it all before reading) then gets EPIPE/ECONNRESET, and loses the reply the
 * kernel already held for it. Here the reply's bytes are written at once, and only the end of the
 * response, which closes the socket, waits until the body is drained (or the drain's bounds hit).
 */
export function endAfterDrain(res: ServerResponse): void {
  const req = res.req;
  if (req.complete || req.destroyed) return;
  drain(req);
  const drained = new Promise<void>((resolve) => { req.once('end', resolve); req.once('close', resolve); });
  const end = res.end.bind(res) as (cb?: () => void) => ServerResponse;
  res.end = function endAfterDrained(this: ServerResponse, ...args: unknown[]): ServerResponse {
    const cb = typeof args.at(-1) === 'function' ? (args.pop() as () => void) : undefined;
    if (args[0] !== undefined && args[0] !== null) res.write(args[0] as string | Uint8Array, (args[1] as BufferEncoding | undefined) ?? 'utf8');
    // A reply with no body to write (a HEAD's) would keep its head in Node's buffer until the end: out now,
    // so that the client has it even if the connection is cut first (a body the parser then refuses).
    res.flushHeaders();
    void drained.then(() => end(cb));
    return this;
  } as ServerResponse['end'];
}
