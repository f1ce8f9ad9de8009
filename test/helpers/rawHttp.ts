import { connect, type Socket } from 'node:net';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The socket error, if the connection broke (EPIPE, ECONNRESET) instead of ending cleanly. */
  error?: string;
  /** With `untilClose`: the replies that came after this one on the same connection. */
  following?: Omit<RawReply, 'error' | 'following'>[];
}

export interface RawOptions {
  /** Write every chunk (and wait until the kernel took them) before reading anything, as the SDKs do. */
  writeBeforeRead?: boolean;
  /** Give up after this long: a hung socket fails the test instead of the test runner's timeout. */
  timeoutMs?: number;
  /** The request is a HEAD: the reply is complete at the end of its head, whatever its Content-Length. */
  head?: boolean;
  /** Half-close (FIN) once everything is written, as a client that has nothing more to send. */
  halfClose?: boolean;
  /** Read until the server closes the connection, every reply on it (pipelined requests, garbage after a request). */
  untilClose?: boolean;
}

/**
 * One HTTP/1.1 exchange over a bare TCP socket, for what an HTTP client library would not send: bodies
 * that lie about their length, broken heads, a whole upload before the first read. Resolves once one
 * complete response has been read (by its Content-Length) or the server closed the connection.
 */
export function rawExchange(port: number, chunks: (string | Buffer)[], o: RawOptions = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let error: string | undefined;
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no complete reply within ${o.timeoutMs ?? 10_000} ms`)), o.timeoutMs ?? 10_000);
    const finish = (failure?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (failure) return reject(failure);
      const bytes = Buffer.concat(received);
      const reply = parseReply(bytes);
      if (!reply) return reject(new Error(`no HTTP reply (socket ${error ?? 'closed'}): ${bytes.toString('latin1').slice(0, 200)}`));
      const { complete: _, end, ...first } = reply;
      if (!o.untilClose) return resolve({ ...first, error });
      const following: Omit<RawReply, 'error' | 'following'>[] = [];
      for (let at = end, next = parseReply(bytes.subarray(at)); next?.complete; at += next.end, next = parseReply(bytes.subarray(at))) {
        following.push({ status: next.status, headers: next.headers, body: next.body });
      }
      resolve({ ...first, error, following });
    };
    socket.on('error', (e: NodeJS.ErrnoException) => { error = e.code ?? e.message; });
    socket.on('close', () => finish());
    socket.on('data', (d: Buffer) => {
      received.push(d);
      const reply = parseReply(Buffer.concat(received));
      if (reply && (reply.complete || o.head) && !o.writeBeforeRead && !o.untilClose) finish();
    });
    socket.once('connect', () => {
      if (o.writeBeforeRead) socket.pause();
      writeAll(socket, chunks).then(() => {
        if (o.halfClose) socket.end();
        if (o.writeBeforeRead) socket.resume();
      }, () => { /* reported by 'error' */ });
    });
  });
}

export function writeAll(socket: Socket, chunks: (string | Buffer)[]): Promise<void> {
  return new Promise((resolve, reject) => {
    chunks.forEach((c, i) => socket.write(c, i === chunks.length - 1 ? (e) => (e ? reject(e) : resolve()) : undefined));
    if (chunks.length === 0) resolve();
  });
}

/**
 * Splits an HTTP/1.1 response into status, lower-cased headers and body (after any `100 Continue`);
 * `complete` once Content-Length bytes are in, `end` where the next reply would start.
 */
export function parseReply(bytes: Buffer): (Omit<RawReply, 'error' | 'following'> & { complete: boolean; end: number }) | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  if (status === 100) { // `100 Continue` comes before the reply
    const reply = parseReply(bytes.subarray(headEnd + 4));
    return reply && { ...reply, end: reply.end + headEnd + 4 };
  }
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? NaN);
  const body = bytes.subarray(headEnd + 4, Number.isNaN(length) ? undefined : headEnd + 4 + length);
  return { status, headers, body, complete: !Number.isNaN(length) && body.length >= length, end: headEnd + 4 + body.length };
}

/** An HTTP/1.1 request head, Host first, lines joined with CRLF and the blank line added. */
export function head(method: string, path: string, headers: Record<string, string | number>): string {
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
