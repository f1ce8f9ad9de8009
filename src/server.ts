import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Express } from 'express';
import { createApp, runtimeOf, type AppOptions } from './app.ts';
import { answerProtocolErrors } from './protocolErrors.ts';
import { frontDoors } from './lifecycle.ts';
import { providers } from './providers/index.ts';
import { endEventStreams } from './admin/journalEvents.ts';

/** A PEM private key and certificate, e.g. from `ensureCertificate` (src/tls/ensureCertificate.ts). */
export interface TlsCredentials { key: string; cert: string }

/** A Node server that is not listening yet, with the emulator's Express app at `.app` (for runtimeOf). */
export type MockServer<S extends HttpServer | HttpsServer = HttpServer> = S & { readonly app: Express };

// Node refuses request heads over 16 KB with a bare 431, but a Tencent GET may carry up to 32 KB of
// query and must get its vendor's size error (provider.json `bodyTooLarge`) in the vendor envelope beyond that.
const maxHeaderSize = 1024 * 1024;

/**
 * The emulator in a Node HTTP server (HTTPS when given a key and certificate), ready for
 * `.listen(port)` like any Node server. Loads and checks all data first (throws DataError).
 */
export function createServer(options?: AppOptions): MockServer<HttpServer>;
export function createServer(options: AppOptions, tls: TlsCredentials): MockServer<HttpsServer>;
export function createServer(options: AppOptions = {}, tls?: TlsCredentials): MockServer<HttpServer | HttpsServer> {
  const app = createApp(options);
  // requireHostHeader: Node would answer a request without Host with a bare 400; here it gets its vendor's answer.
  const serverOptions = { maxHeaderSize, requireHostHeader: false };
  // The vendors' front doors answer before Express: the API requests (the hot path) skip Express's
  // request and response set-up and router; everything else (the admin API, the dashboard, 404s) goes on to it.
  const doors = frontDoors(runtimeOf(app), providers);
  const listener = (req: IncomingMessage, res: ServerResponse): void => doors(req, res, () => { app(req, res); });
  const server = tls ? createHttpsServer({ ...tls, ...serverOptions }, listener) : createHttpServer(serverOptions, listener);
  answerProtocolErrors(server, () => runtimeOf(app).data, providers);
  // close() waits for open requests, and an event stream (GET /__mock/events: an open dashboard) never
  // ends: close ends those streams too, so Ctrl-C stops the CLI with the dashboard open.
  const close = server.close.bind(server);
  server.close = (callback) => {
    close(callback);
    endEventStreams(runtimeOf(app).state.journal);
    return server;
  };
  return Object.defineProperty(server, 'app', { value: app, enumerable: true }) as MockServer<HttpServer | HttpsServer>;
}
