import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real redis-server of this test's own (Debian's package; .ci/run installs it), on a free port in a temporary folder. */
export interface RedisServer {
  port: number;
  url: string;
  /** Kills it (SIGKILL: the way a lost Redis looks to the emulator). */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const BINARY = process.env.REDIS_SERVER ?? 'redis-server';

/**
 * Starts redis-server; rejects with what it printed when it does not come up (or is not installed: `apt-get install
 * redis-server`). With `tls`, it speaks only TLS (Debian's redis-server is built with it), with that certificate and
 * key, and the URL is `rediss://`.
 */
export async function startRedis(options: { tls?: { certPath: string; keyPath: string } } = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'idcard-mock-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const listen = options.tls
    ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', options.tls.certPath, '--tls-key-file', options.tls.keyPath, '--tls-auth-clients', 'no']
    : ['--port', String(port)];
  const start = async (): Promise<void> => {
    child = await launch(listen, dir);
  };
  const kill = async (): Promise<void> => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => { c.once('exit', () => resolve()); c.kill('SIGKILL'); });
  };
  await start();
  return {
    port,
    url: `${options.tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`,
    kill,
    restart: start,
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function launch(address: string[], dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(BINARY, [...address, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    const listen = (chunk: Buffer): void => {
      said += chunk.toString();
      if (said.includes('Ready to accept connections')) {
        child.stdout!.off('data', listen);
        child.stdout!.resume();
        resolve(child);
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', (c: Buffer) => { said += c.toString(); });
    child.once('error', (e) => reject(new Error(`cannot start ${BINARY} (apt-get install redis-server): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`${BINARY} exited with ${code} before it was ready:\n${said}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
