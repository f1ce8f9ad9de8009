import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { roleError } from './errors.ts';
import { renderedError } from './pipeline/renderedError.ts';
import { doorsOf, matchProvider } from './providers/matchProvider.ts';
import { newRequestId } from './providers/newRequestId.ts';
import { replyText } from './providers/writeReply.ts';
import type { DataSet } from './data/types.ts';
import type { Call, Provider } from './providers/Provider.ts';
/** How long a refused connection may keep sending before it is closed. */
const LINGER_MS = 5000;

/**
 * What Node's HTTP parser refuses before any route sees it (a head over the 1 MB limit, a method it
 * does not know, a malformed head or chunked body, a body cut short by the client's FIN), and a
 * CONNECT, which Node never hands to the app, get the envelope of the vendor whose path was asked
 * for, not Node's bare `400 Bad Request` or a dropped connection: the code the provider names for
 * `malformedRequest` (or `bodyTooLarge` for a head too large), written by the provider's own renderer
 * of errors. The path is read from the packet that failed (a head that overflows is seen in a later
 * packet than its request line, so it gets the answer of `/`'s provider whatever its path), or is the
 * broken request's, with its headers. The reply closes the connection; what the client still sends is
 * read and dropped for a moment, so that it can read the reply instead of a reset.
 */
export function answerProtocolErrors(server: Server, dataOf: () => DataSet, providers: readonly Provider[]): void {
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
    if (!res || res.writableFinished) return void socket.end(reply(dataOf(), providers, path, undefined, tooLarge));
    // What follows a whole request is answered after that request's reply; a broken request instead of its reply.
    if (res.req.complete) return void res.once('finish', () => socket.end(reply(dataOf(), providers, path, undefined, tooLarge)));
    if (res.headersSent) return void socket.end(); // its reply is out already (an oversized body's): the only one
    socket.end(reply(dataOf(), providers, res.req.url?.split('?')[0] ?? path, res.req.headers, tooLarge));
  });
  // CONNECT never reaches the app: Node hands it to 'connect' listeners, and without one drops the connection.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    linger(socket);
    socket.end(reply(dataOf(), providers, req.url ?? '/', req.headers, false));
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

function reply(data: DataSet, providers: readonly Provider[], path: string, headers: IncomingHttpHeaders | undefined, tooLarge: boolean): string {
  // The provider the request is for; one whose head was refused is recognised by its path alone
  // (src/providers/matchProvider.ts), and a path nobody owns is answered by the door of `/`.
  const doors = doorsOf(providers, data);
  const door = matchProvider(doors, path, headers) ?? matchProvider(doors, '/')!;
  const facts = data.providers[door.provider.name]!;
  const call = { provider: facts.provider, requestId: newRequestId(facts.requestId), headers: headers ?? {}, language: 'en-US', codePrefixes: {}, notices: [] } as unknown as Call;
  const error = renderedError(data, facts.provider, facts, call, roleError(tooLarge ? 'bodyTooLarge' : 'malformedRequest'));
  return replyText(door.provider.errorReply(call, error));
}
