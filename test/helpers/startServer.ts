import type { AddressInfo } from 'node:net';
import { runtimeOf, type AppOptions } from '../../src/app.ts';
import { createServer } from '../../src/server.ts';
import type { Runtime } from '../../src/runtime.ts';

export interface TestServer { port: number; endpoint: string; url: string; runtime: Runtime; close(): Promise<void> }

/**
 * The emulator in-process on an ephemeral 127.0.0.1 port, the way the SDKs reach it. Responses are
 * checked against their schemas (checkResponses), so every test also tests the shapes we send.
 */
export async function startServer(options: AppOptions = {}): Promise<TestServer> {
  const server = createServer({ checkResponses: true, ...options });
  const runtime = runtimeOf(server.app);
  await runtime.connectState();
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  runtime.replica = `127.0.0.1:${port}`;
  return {
    port,
    endpoint: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    runtime,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }).then(() => runtime.state.close()),
  };
}

/**
 * An emulator clock that stands at the moment it is made (`now: standingClock()`), for the servers of
 * tests that compare the people two calls draw. People are drawn as of a fixed day (DRAWN_AS_OF in
 * src/identity/validity.ts), so the person no longer changes at China midnight; but a card that has
 * expired by the clock's day is shown renewed, so a running clock crossing midnight (16:00 UTC) between
 * two calls could still change one card's dates. The SDKs sign with the real time, which stays within
 * the vendors' 5-minute skew of it for the few seconds a test file runs. Servers on it run without rate
 * limits (every request falls in the same second).
 */
export function standingClock(at = Date.now()): () => number {
  return () => at;
}
