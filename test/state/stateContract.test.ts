import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryState } from '../../src/state/memoryState.ts';
import { redisState } from '../../src/state/redis/redisState.ts';
import { startRedis, type RedisServer } from '../helpers/redisServer.ts';
import type { State } from '../../src/state/State.ts';
import type { JournalEntry } from '../../src/state/journal.ts';

/**
 * One contract, two stores: every test below runs against the in-memory store and against a real
 * redis-server, so the two cannot drift apart. Redis keys are kept apart per store by a prefix.
 */
let redis: RedisServer;
beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => { await redis.stop(); });

const declared = new Map([['110101198003074413', '韦小宝']]);
let made = 0;
const stores: Record<string, () => Promise<State>> = {
  memory: () => Promise.resolve(memoryState({ declared, journalSize: 3 })),
  redis: async () => {
    const r = redisState({ url: redis.url, prefix: `contract-${++made}`, declared, journalSize: 3 });
    await r.connect();
    return r.state;
  },
};

const entry = (requestId: string): JournalEntry => ({ time: new Date(0).toISOString(), provider: 'p', requestId, scenarios: [], notices: [], outcome: 'ok', status: 200, durationMs: 1, stages: [] });

describe.each(Object.keys(stores))('the state contract: %s', (kind) => {
  let state: State;
  beforeEach(async (ctx) => {
    state = await stores[kind]!();
    ctx.onTestFinished(() => state.close());
  });

  it('says which store it is and that it is healthy', () => {
    expect([state.kind, state.healthy()]).toEqual([kind, true]);
  });

  it('binds callers with new ids, reads a caller and the active scenario in one go, and unbinds', async () => {
    const a = await state.bindings.bind('AKID1', { scenario: 'InternalError', times: 2 });
    const b = await state.bindings.bind('AKID1', { steps: [{ error: 'X' }, {}], repeatLast: false });
    expect(b.id).toBeGreaterThan(a.id);
    expect(await state.bindings.of('AKID1')).toEqual(b);
    const active = await state.bindings.setActive({ scenario: 'warning:copy' });
    expect(await state.bindings.forCaller('AKID1')).toEqual({ binding: b, active });
    expect(await state.bindings.forCaller('nobody')).toEqual({ binding: undefined, active });
    expect(await state.bindings.all()).toEqual({ AKID1: b });
    expect(await state.bindings.unbind('AKID1')).toBe(true);
    expect(await state.bindings.unbind('AKID1')).toBe(false);
    expect(await state.bindings.setActive(undefined)).toBeUndefined();
    expect(await state.bindings.active()).toBeUndefined();
  });

  it('takes counters all or none, and only while they hold what was read', async () => {
    expect(await state.counters.read(['a', 'b'])).toEqual([0, 0]);
    expect(await state.counters.take([{ key: 'a', was: 0, by: 1 }, { key: 'b', was: 0, by: 2 }])).toBe(true);
    expect(await state.counters.read(['a', 'b'])).toEqual([1, 2]);
    // b moved since it was read as 0: nothing is taken, a stays at 1.
    expect(await state.counters.take([{ key: 'a', was: 1, by: 1 }, { key: 'b', was: 0, by: 1 }])).toBe(false);
    expect(await state.counters.read(['a', 'b'])).toEqual([1, 2]);
  });

  it('gives each of many racing takes of one counter value exactly one winner', async () => {
    const wins = await Promise.all(Array.from({ length: 20 }, () => state.counters.take([{ key: 'step', was: 0, by: 1 }])));
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await state.counters.read(['step'])).toEqual([1]);
  });

  it('counts a rate window on the given clock, and opens a new one when it has passed', async () => {
    const limit = { points: 2, seconds: 60 };
    const counts = [];
    for (let i = 0; i < 4; i++) counts.push(await state.rateWindows.exceeded('k', limit, 1_000 + i));
    expect(counts).toEqual([undefined, undefined, 3, 4]);
    expect(await state.rateWindows.exceeded('k', limit, 61_000)).toBeUndefined();
    const racing = await Promise.all(Array.from({ length: 10 }, () => state.rateWindows.exceeded('r', limit, 5_000)));
    expect(racing.filter((c) => c === undefined)).toHaveLength(2);
  });

  it('refuses a nonce used again within its window, and takes it after', async () => {
    expect(await state.nonces.use('ak', 'n1', 1_000_000, 900_000)).toBe(true);
    expect(await state.nonces.use('ak', 'n1', 1_500_000, 900_000)).toBe(false);
    expect(await state.nonces.use('other', 'n1', 1_500_000, 900_000)).toBe(true);
    expect(await state.nonces.use('ak', 'n1', 1_900_001, 900_000)).toBe(true);
    const racing = await Promise.all(Array.from({ length: 10 }, () => state.nonces.use('ak', 'n2', 2_000_000, 900_000)));
    expect(racing.filter(Boolean)).toHaveLength(1);
  });

  it('locks a credential after the rule\'s failures in a row, until the lock ends; a success clears the count', async () => {
    const rule = { failures: 3, seconds: 300 };
    await state.lockout.fail('ak', 0, rule);
    await state.lockout.succeed('ak');
    expect(await state.lockout.fail('ak', 0, rule)).toEqual({ count: 1 });
    expect(await state.lockout.fail('ak', 0, rule)).toEqual({ count: 2 });
    expect(await state.lockout.lockedUntil('ak', 0)).toBeUndefined();
    expect(await state.lockout.fail('ak', 10, rule)).toEqual({ count: 3, lockedUntil: 300_010 });
    expect(await state.lockout.lockedUntil('ak', 300_009)).toBe(300_010);
    expect(await state.lockout.lockedUntil('ak', 300_010)).toBeUndefined();
    expect(await state.lockout.fail('ak', 300_011, rule)).toEqual({ count: 1 });
  });

  it('issues tokens that are found again, and knows no other', async () => {
    const who = { user: { id: 'u', name: 'n', domain: { id: 'd', name: 'dn' } }, project: { id: 'p', name: 'cn-north-4' } };
    const t = await state.tokens.issue(1_000, 86_400_000, who);
    expect(t).toMatchObject({ ...who, issuedAt: 1_000, expiresAt: 86_401_000 });
    expect(t.token).toMatch(/^MII/);
    expect(await state.tokens.find(t.token)).toEqual(t);
    expect(await state.tokens.find('MIInot-issued')).toBeUndefined();
  });

  it('remembers people, asks the declared ones after, and counts per day', async () => {
    await state.register.remember('110101199003070038', '王小明');
    expect(await state.register.nameOf('110101199003070038')).toBe('王小明');
    expect(await state.register.nameOf('110101198003074413')).toBe('韦小宝');
    expect(await state.register.nameOf('110101199003070011')).toBeUndefined();
    expect([await state.register.countToday('20260301', 'Name:x'), await state.register.countToday('20260301', 'Name:x')]).toEqual([1, 2]);
    expect(await state.register.countToday('20260302', 'Name:x')).toBe(1);
  });

  it('keeps coverage per API', async () => {
    await state.coverage.record('tencent:IDCardOCR', 'error:X');
    await state.coverage.record('tencent:IDCardOCR', 'error:X');
    await state.coverage.record('huawei:RecognizeIdCard', 'warning:W');
    expect(await state.coverage.seen()).toEqual(new Map([['tencent:IDCardOCR', new Set(['error:X'])], ['huawei:RecognizeIdCard', new Set(['warning:W'])]]));
  });

  it('keeps the last journalSize entries in order, and tells listeners of each', async () => {
    const heard: string[] = [];
    const all = new Promise<void>((resolve) => {
      const stop = state.journal.onRecord((e) => {
        heard.push(e.requestId);
        if (heard.length === 4) {
          stop();
          resolve();
        }
      });
    });
    for (const id of ['r1', 'r2', 'r3', 'r4']) await state.journal.record(entry(id));
    expect((await state.journal.list()).map((e) => e.requestId)).toEqual(['r2', 'r3', 'r4']);
    await all;
    expect(heard).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps hosted flows by token, decided once: the first of racing decisions wins', async () => {
    const flow = { token: 'T1', provider: 'tencent', outcomesOf: 'GetDetectInfoEnhanced', ruleId: '1', redirectParameter: 'BizToken', extra: '', person: { name: '王小明', idNum: '110101199003070038' }, startedAt: 1_000, expiresAt: 7_201_000, keepUntil: 259_201_000 };
    await state.faceIdFlows.start(flow);
    expect(await state.faceIdFlows.find('T1')).toEqual(flow);
    expect(await state.faceIdFlows.find('T2')).toBeUndefined();
    const decided = await Promise.all(['0', '1001', '2016', '1410'].map((o, i) => state.faceIdFlows.decide('T1', o, 2_000 + i, 'page')));
    const winner = decided[0]!.outcome;
    expect(decided.every((d) => d?.outcome === winner)).toBe(true);
    expect(await state.faceIdFlows.find('T1')).toMatchObject({ outcome: winner, decidedBy: 'page' });
    expect(await state.faceIdFlows.decide('T2', '0', 3_000, 'control')).toBeUndefined();
    await state.faceIdFlows.reset();
    expect(await state.faceIdFlows.find('T1')).toBeUndefined();
  });

  it('moves the clock setting in one step each, racing changes included', async () => {
    expect(await state.clock.load()).toEqual({ offsetMs: 0 });
    await Promise.all(Array.from({ length: 10 }, () => state.clock.update((s) => ({ offsetMs: s.offsetMs + 1 }))));
    expect(await state.clock.load()).toEqual({ offsetMs: 10 });
    expect(await state.clock.update(() => ({ offsetMs: 10, frozenAt: 5 }))).toEqual({ offsetMs: 10, frozenAt: 5 });
  });

  it('reset clears everything but the clock and the declared people', async () => {
    await state.bindings.bind('AKID1', { scenario: 'InternalError' });
    await state.bindings.setActive({ scenario: 'InternalError' });
    await state.counters.take([{ key: 'a', was: 0, by: 1 }]);
    await state.register.remember('110101199003070038', '王小明');
    await state.coverage.record('tencent:IDCardOCR', 'error:X');
    await state.journal.record(entry('r1'));
    await state.nonces.use('ak', 'n', 0, 1000);
    await state.lockout.fail('ak', 0, { failures: 1, seconds: 60 });
    const t = await state.tokens.issue(0, 1000, { user: { id: 'u', name: 'n', domain: { id: 'd', name: 'dn' } } });
    await state.clock.update(() => ({ offsetMs: 7 }));
    await state.reset();
    expect(await state.bindings.all()).toEqual({});
    expect(await state.bindings.active()).toBeUndefined();
    expect(await state.counters.read(['a'])).toEqual([0]);
    expect(await state.register.nameOf('110101199003070038')).toBeUndefined();
    expect(await state.register.nameOf('110101198003074413')).toBe('韦小宝');
    expect((await state.coverage.seen()).size).toBe(0);
    expect(await state.journal.list()).toEqual([]);
    expect(await state.nonces.use('ak', 'n', 0, 1000)).toBe(true);
    expect(await state.lockout.lockedUntil('ak', 0)).toBeUndefined();
    expect(await state.tokens.find(t.token)).toBeUndefined();
    expect(await state.clock.load()).toEqual({ offsetMs: 7 });
  });
});

describe('what Redis holds', () => {
  it('no ID number or name of the register or a hosted flow, in keys or values: they are sealed', async () => {
    const prefix = `sealed-${process.pid}`;
    const r = redisState({ url: redis.url, prefix, declared });
    await r.connect();
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    try {
      const id = '110101199003070038';
      await r.state.register.remember(id, '王小明');
      await r.state.register.countToday('20260301', `IdCard:${id}`);
      await r.state.register.countToday('20260301', 'Name:王小明');
      await r.state.faceIdFlows.start({ token: 'T1', provider: 'tencent', outcomesOf: 'GetDetectInfoEnhanced', ruleId: '1', redirectParameter: 'BizToken', extra: '', person: { name: '王小明', idNum: id }, startedAt: 0, expiresAt: 1, keepUntil: 2 });
      await r.state.faceIdFlows.decide('T1', '0', 1, 'page');
      expect(await r.state.faceIdFlows.find('T1')).toMatchObject({ person: { name: '王小明', idNum: id }, outcome: '0' });
      expect(await r.state.register.nameOf(id)).toBe('王小明');
      const keys = await raw.keys(`${prefix}:*`);
      expect(keys.length).toBeGreaterThanOrEqual(2);
      const dump = JSON.stringify(await Promise.all(keys.map(async (key) => [key, (await raw.type(key)) === 'hash' ? await raw.hgetall(key) : await raw.get(key)])));
      for (const secret of [id, id.slice(6, 14), '王小明']) expect(dump).not.toContain(secret);
      // Another prefix (another emulator) cannot read this one's register.
      const other = redisState({ url: redis.url, prefix: `${prefix}-other`, declared });
      await other.connect();
      expect(await other.state.register.nameOf(id)).toBeUndefined();
      await other.state.close();
    } finally {
      raw.disconnect();
      await r.state.close();
    }
  });
});
