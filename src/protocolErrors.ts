import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { formatMessage, lookupError } from './data/catalog.ts';
import { codeForRole } from './data/roles.ts';
import type { DataSet, ProviderFacts } from './data/types.ts';
/** How long a refused connection may keep sending before it is closed. */
const LINGER_MS = 5000;

/**
 * What Node's HTTP parser refuses before any route sees it (a head over the 1 MB limit, a method it
 * does not know, a malformed head or chunked body, a body cut short by the client's FIN), and a
 * CONNECT, which Node never hands to the app, get the envelope of the vendor whose path was asked
 * for, not Node's bare `400 Bad Request` or a dropped connection: the code the provider whose path it
 * is names for `malformedRequest` (or `bodyTooLarge` for a head too large), in the provider's
 * envelope (provider.json `envelopes`; `/` is Tencent's, always HTTP 200). The path is read from the packet that failed (a head that
 * overflows is seen in a later packet than its request line, so it gets Tencent's answer whatever its
 * path), or is the broken request's. The reply closes the connection; what the client still sends is
 * read and dropped for a moment, so that it can read the reply instead of a reset.
 */
export function answerProtocolErrors(server: Server, dataOf: () => DataSet): void {
  const current = new WeakMap<Duplex, ServerResponse>();
  const answered = new WeakSet<Duplex>();
  server.on('request', (req, res: ServerResponse) => current.set(req.socket, res));
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (answered.has(socket)) return; // the parser reports every later chunk again
    answered.add(socket);
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
    linger(socket);
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const path = /^[^ ]* ([^ ]*)/.exec(err.rawPacket?.toString('latin1') ?? '')?.[1] ?? '/';
    const res = current.get(socket);
    if (!res || res.writableFinished) return void socket.end(reply(dataOf(), path, tooLarge));
    // What follows a whole request is answered after that request's reply; a broken request instead of its reply.
    if (res.req.complete) return void res.once('finish', () => socket.end(reply(dataOf(), path, tooLarge)));
    if (res.headersSent) return void socket.end(); // its reply is out already (an oversized body's): the only one
    socket.end(reply(dataOf(), res.req.url ?? path, tooLarge));
  });
  // CONNECT never reaches the app: Node hands it to 'connect' listeners, and without one drops the connection.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    linger(socket);
    socket.end(reply(dataOf(), req.url ?? '/', false));
  });
  // An Expect other than 100-continue: Node would answer a bare 417; it is ignored instead, as gateways do.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => server.emit('request', req, res));
}

/** After the reply: what the client still sends is dropped, a late write of an interrupted handler ignored, and the socket closed in LINGER_MS at the latest. */
function linger(socket: Duplex): void {
  socket.on('error', () => { /* a late write */ });
  socket.resume();
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

function reply(data: DataSet, path: string, tooLarge: boolean): string {
  // The provider whose paths these are; a path nobody owns is answered by the one that owns `/`.
  const facts = Object.values(data.providers).find((f) => new RegExp(f.owns).test(path))
    ?? Object.values(data.providers).find((f) => new RegExp(f.owns).test('/'))!;
  const { code } = (tooLarge && codeForRole(data, facts.provider, undefined, 'bodyTooLarge')) || codeForRole(data, facts.provider, undefined, 'malformedRequest')!;
  const entry = lookupError(data, facts.provider, undefined, code)!;
  const message = formatMessage(entry, 'en-US', {});
  const requestId = facts.requestId === 'uuid' ? randomUUID() : randomBytes(16).toString('hex');
  const { status, body, headers } = envelope(facts, code, message, requestId, entry.status ?? 400);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', ...headers];
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * The reply written by hand, as no ServerResponse exists for a request the parser refused: the same
 * shapes as the providers' renderers (src/providers/<name>/render.ts), chosen by provider.json `envelopes`.
 */
function envelope(facts: ProviderFacts, code: string, message: string, requestId: string, status: number): { status: number; body: string; headers: string[] } {
  if (!facts.envelopes) return { status: 200, body: JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } }), headers: [] };
  const family = Object.keys(facts.envelopes).find((p) => p !== 'default' && code.startsWith(p));
  const shape = facts.envelopes[family ?? 'default'];
  const body = shape === 'gateway' ? { error_code: code, error_msg: message, request_id: requestId } : { error_code: code, error_msg: message };
  return { status, body: JSON.stringify(body), headers: [`X-Request-Id: ${requestId}`] };
}
