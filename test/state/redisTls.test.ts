import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../helpers/redisServer.ts';
import { ensureCertificate, type Certificate } from '../../src/tls/ensureCertificate.ts';

/**
 * `rediss://`: the state store over TLS, against a redis-server that speaks only TLS. The CLI trusts the
 * store's certificate the way any Node program does (NODE_EXTRA_CA_CERTS, docs/replicas.md); a
 * certificate it does not trust is refused at start, naming the store.
 */
let redis: RedisServer;
let certificate: Certificate;
beforeAll(async () => {
  certificate = await ensureCertificate(mkdtempSync(join(tmpdir(), 'idcard-mock-redis-tls-')));
  redis = await startRedis({ tls: { certPath: certificate.certPath, keyPath: certificate.keyPath } });
});
afterAll(async () => { await redis.stop(); });

const root = new URL('../../', import.meta.url).pathname;

/** `idcard-mock start` on the TLS store; the first line it prints, and its exit code when it does not start. */
async function start(env: Record<string, string>): Promise<{ line: string; stop(): Promise<number | null>; err: () => string }> {
  const child = spawn(process.execPath, ['bin/idcard-mock.js', '--port', '0', '--no-request-log', '--state', redis.url], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  while (!out.includes('\n') && child.exitCode === null) await Promise.race([once(child.stdout, 'data'), exited]);
  return {
    line: out.split('\n')[0]!,
    err: () => err,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('the state store over TLS (rediss://)', () => {
  it('shares the state with a store it trusts', { timeout: 60_000 }, async () => {
    const r = await start({ NODE_EXTRA_CA_CERTS: certificate.certPath });
    try {
      expect(r.line, r.err()).toMatch(/^idcard-mock listening on http:\/\/127\.0\.0\.1:\d+$/);
      const url = r.line.replace('idcard-mock listening on ', '');
      expect(await (await fetch(`${url}/__mock/health`)).json()).toMatchObject({ status: 'ok', state: 'redis' });
      const put = await fetch(`${url}/__mock/active`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'InternalError' }) });
      expect(put.status).toBe(200);
      expect(await (await fetch(`${url}/__mock/active`)).json()).toMatchObject({ scenario: 'InternalError' });
    } finally {
      await r.stop();
    }
  });

  it('refuses a store whose certificate it does not trust: exit 2, naming it', { timeout: 60_000 }, async () => {
    const r = await start({});
    expect(await r.stop()).toBe(2);
    expect(r.err()).toMatch(new RegExp(`^idcard-mock: cannot reach the state store rediss://127\\.0\\.0\\.1:${redis.port}: .*(self-signed|certificate)`, 'm'));
  });
});
