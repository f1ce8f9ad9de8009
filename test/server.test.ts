import { describe, expect, it } from 'vitest';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { runtimeOf } from '../src/app.ts';
import { createServer } from '../src/server.ts';

describe('createServer', () => {
  it('returns a Node server: createServer().listen(0) answers, and .app is the emulator', async () => {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/__mock/health`);
      expect(res.status).toBe(200);
      expect(runtimeOf(server.app).config.port).toBe(4600);
      // Node's default head limit (16 KB) would answer 431 before the app sees a 32 KB Tencent GET query.
      const long = await fetch(`http://127.0.0.1:${port}/__mock/health?q=${'x'.repeat(40 * 1024)}`);
      expect(long.status).toBe(200);
    } finally {
      server.close();
    }
  });
});
