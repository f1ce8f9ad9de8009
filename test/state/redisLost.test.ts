import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../helpers/redisServer.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient } from '../helpers/tencentClients.ts';
import { fetchCall, signedCall } from '../helpers/signedCall.ts';

/**
 * Redis lost under load, then back (issue 18, "Faults"): no crash; API answers are the vendor's internal
 * error with a notice naming the state store; the control plane answers 503 and /__mock/health says
 * degraded; within 5 s of Redis returning the answers are normal again. Nothing here waits on a timer:
 * four callers keep calling, and the test waits for what they see.
 */
let redis: RedisServer;
let server: TestServer;
beforeAll(async () => {
  redis = await startRedis();
  server = await startServer({ state: redis.url, statePrefix: 'lost', rateLimit: false });
});
afterAll(async () => {
  await server.close();
  await redis.stop();
});

const card = { ImageUrl: 'https://example.com/lost-front.jpg' };

/** Four callers calling until stopped; `until(test)` resolves on the first outcome that passes the test. */
function load(): { until(test: (outcome: string) => boolean): Promise<string>; stop(): Promise<string[]> } {
  let running = true;
  const outcomes: string[] = [];
  const waiting: { test: (o: string) => boolean; resolve: (o: string) => void }[] = [];
  const callers = Array.from({ length: 4 }, async (_, i) => {
    const client = ocrClient(server.endpoint, { secretId: `AKIDlost${i}` });
    while (running) {
      const o = await client.IDCardOCR(card).then(() => 'ok', (e: { code: string }) => e.code);
      outcomes.push(o);
      for (const w of waiting.splice(0)) {
        if (w.test(o)) w.resolve(o);
        else waiting.push(w);
      }
    }
  });
  return {
    until: (test) => new Promise((resolve) => { waiting.push({ test, resolve }); }),
    stop: async () => {
      running = false;
      await Promise.all(callers);
      return outcomes;
    },
  };
}

describe('the state store lost mid-run', () => {
  it('answers the vendor\'s internal error with a notice, 503 on the control plane, and recovers by itself', async () => {
    const calls = load();
    await calls.until((o) => o === 'ok');
    await redis.kill();
    expect(await calls.until((o) => o !== 'ok')).toBe('InternalError');

    const api = server.runtime.data.apis.get('tencent:IDCardOCR')!;
    const res = await fetchCall(server.url, signedCall(api, card, { host: server.endpoint }));
    expect((await res.json()).Response.Error.Code).toBe('InternalError');
    expect(res.headers.get('x-mock-notice')).toMatch(new RegExp(`the state store redis://127\\.0\\.0\\.1:${redis.port} is unreachable`));
    const health = await fetch(`${server.url}/__mock/health`);
    expect([health.status, (await health.json()).status]).toEqual([503, 'degraded']);
    const bindings = await fetch(`${server.url}/__mock/bindings`);
    expect(bindings.status).toBe(503);
    expect((await bindings.json()).error).toMatch(/state store .* is unreachable/);

    await redis.restart();
    const back = performance.now();
    await calls.until((o) => o === 'ok');
    expect(performance.now() - back).toBeLessThan(5000);
    const outcomes = await calls.stop();
    expect(new Set(outcomes)).toEqual(new Set(['ok', 'InternalError']));
    expect((await fetch(`${server.url}/__mock/health`)).status).toBe(200);
  });

  it('a store that cannot be reached at start is refused, naming it with the password masked', async () => {
    await expect(startServer({ state: 'redis://user:hunter2@127.0.0.1:1/0' })).rejects.toThrow(/^cannot reach the state store redis:\/\/user:\*\*\*@127\.0\.0\.1:1\/0: /);
  });
});
