import { createServer as createHttpServer, type Server } from 'node:http';
import { createApp, type AppOptions } from './app.ts';
import type { Express } from 'express';

/**
 * The HTTP server around the app. Node refuses request heads over 16 KB with a bare 431, but a
 * Tencent GET may carry up to 32 KB of query and must get `RequestSizeLimitExceeded` in the vendor
 * envelope beyond that, so the head limit is raised to 1 MB.
 */
export function createServer(options: AppOptions = {}): { server: Server; app: Express } {
  const app = createApp(options);
  return { server: createHttpServer({ maxHeaderSize: 1024 * 1024 }, app), app };
}
