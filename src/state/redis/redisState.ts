import type { Redis, RedisOptions } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { entryOf, Listeners, type JournalEntry } from '../journal.ts';
import { sealedRegister } from './sealedRegister.ts';
import { redisFaceIdFlows } from './redisFaceIdFlows.ts';
import { newToken, type IssuedToken } from '../tokenStore.ts';
import { StateUnavailable } from './StateUnavailable.ts';
import { maskedUrl } from './maskedUrl.ts';
import { SCRIPTS } from './scripts.ts';
import type { Binding, BindingSpec } from '../bindings.ts';
import type { ClockSetting } from '../clock.ts';
import type { State } from '../State.ts';
import type { StateOptions } from '../memoryState.ts';

/** A daily count is kept a little longer than its day, then Redis forgets it by itself. */
const DAY_COUNT_TTL_S = 3 * 24 * 3600;

export interface RedisStateOptions extends StateOptions {
  /** `redis://[user:pass@]host:port[/db]` or `rediss://…` (TLS). */
  url: string;
  /** Keeps several emulators apart in one Redis (`--state-prefix`). */
  prefix: string;
}

/** A State in Redis, connected: rejects (with the URL, password masked) when Redis cannot be reached. */
export async function connectRedisState(options: RedisStateOptions): Promise<State> {
  const state = redisState(options);
  await state.connect();
  return state.state;
}

/**
 * The state in Redis, shared by every replica started with the same URL and prefix. Every counter a
 * replica could race another for (a sequence step, a `times` budget, a rate window, a nonce, a lockout)
 * changes in one server-side script (scripts.ts); the journal is a capped stream, with each entry also
 * published for the replicas' live feeds. Commands are never queued while Redis is away
 * (`enableOfflineQueue: false`): they fail at once, and the lifecycle says the store is unreachable;
 * ioredis reconnects by itself, within a second of Redis returning.
 */
export function redisState(options: RedisStateOptions): { state: State; connect(): Promise<void> } {
  const where = maskedUrl(options.url);
  const connection: RedisOptions = {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // The commands that concurrent requests send in the same tick go out in one write, and their replies come
    // back in one read: at 2 kB and 10 connections the emulator used 261 µs of CPU an answer against 337 µs
    // without (`npm run bench:compare` on one replica, 3 rounds), where `perf` had shown a fifth of the CPU in
    // one socket write per command. Each request's own commands still go one after another (each is awaited).
    enableAutoPipelining: true,
    connectTimeout: 2000,
    retryStrategy: (times: number) => Math.min(times * 100, 1000),
  };
  // Made by connect(): ioredis is loaded only by an emulator that uses Redis (it costs the in-memory start-up half a second).
  let db: Redis;
  let sub: Redis;
  let run: Record<keyof typeof SCRIPTS, (...args: (string | number)[]) => Promise<unknown>>;
  let lost = false;
  let connected = false;
  const muffled = new WeakSet<object>();
  const muffle = (stream: Redis['stream'] | undefined): void => {
    if (!stream || muffled.has(stream)) return;
    muffled.add(stream);
    stream.on('error', () => {});
  };
  const open = async (): Promise<void> => {
    const { Redis } = await import('ioredis');
    db = new Redis(options.url, connection);
    sub = new Redis(options.url, { ...connection, enableOfflineQueue: true });
    // ioredis listens for a socket's first 'error' only (`stream.once("error", …)` in ioredis' Redis.js); a
    // refused TLS handshake raises a second one (the peer's alert), which would crash the process unhandled.
    for (const client of [db, sub]) client.on('error', () => { muffle(client.stream); });
    db.on('error', (e: Error) => {
      // Said once per loss, not once per reconnection attempt.
      if (!connected || lost) return;
      lost = true;
      console.error(`idcard-mock: lost the state store ${where} (${e.message}): API requests get the vendor's internal error and are not recorded, the control plane answers 503, until it is back`);
    });
    db.on('ready', () => {
      if (lost) console.error(`idcard-mock: the state store ${where} is back`);
      lost = false;
      connected = true;
    });
    // The subscriber's own errors are the same loss, said above; ioredis would print them as unhandled.
    sub.on('error', () => {});
    sub.on('message', (_channel: string, text: string) => { if (listeners.size) listeners.tell(JSON.parse(text) as JournalEntry); });
      for (const [name, script] of Object.entries(SCRIPTS)) db.defineCommand(name, script);
    run = db as unknown as typeof run;
  };

  const p = `${options.prefix}:`;
  const seal = sealedRegister(`${options.url}\0${options.prefix}`);
  const k = {
    journal: `${p}journal`, live: `${p}journal:live`, names: `${p}names`, rate: `${p}rate:`, token: `${p}token:`, lockout: `${p}lockout:`,
    nonce: `${p}nonce:`, bindings: `${p}bindings`, active: `${p}active`, bindingId: `${p}binding-id`, counters: `${p}counters`,
    coverageApis: `${p}coverage`, coverage: `${p}coverage:`, clock: `${p}clock`, day: `${p}day:`, epoch: `${p}reset-epoch`,
  };
  /** Every command goes through here: a failure while Redis is away is the store being unreachable, anything else a bug. */
  const guard = <T>(command: () => Promise<T>): Promise<T> => {
    if (db?.status !== 'ready') return Promise.reject(new StateUnavailable(where, new Error(`connection ${db?.status ?? 'not made'}`)));
    return command().catch((e: unknown) => {
      if (db.status !== 'ready' || /Connection is closed|Stream isn't writeable|ECONNRESET|EPIPE/.test((e as Error).message)) throw new StateUnavailable(where, e);
      throw e;
    });
  };
  const parse = <T>(text: string | null): T | undefined => (text === null ? undefined : JSON.parse(text) as T);
  const listeners = new Listeners();
  let clockTurn: Promise<unknown> = Promise.resolve();
  /** The register entries this replica wrote since the reset count it last read (`seenEpoch`): sealed field → sealed name. */
  const written = new LRUCache<string, string>({ max: 4096 });
  let seenEpoch: string | null = null;

  const state: State = {
    kind: 'redis',
    journal: {
      record: (entry) => guard(async () => {
        const text = JSON.stringify(entryOf(entry));
        // The capped stream keeps the last journalSize entries of all replicas, in the order Redis took them.
        await run.recordEntry(k.journal, k.live, Math.max(1, options.journalSize ?? 1000), text);
      }),
      list: () => guard(async () => (await db.xrange(k.journal, '-', '+')).map(([, fields]) => JSON.parse(fields[1]!) as JournalEntry)),
      // The replica follows the live channel from connect() on, so a listener added now misses nothing recorded after.
      onRecord: (fn) => listeners.add(fn),
      reset: () => guard(async () => { await db.del(k.journal); }),
    },
    register: {
      remember: (idNum, name) => guard(async () => {
        if (!idNum) return;
        const field = seal.field(idNum);
        const value = seal.name(idNum, name);
        // Already written by this replica since the last reset it saw (every request reads the reset count with
        // the clock): the same fixtures come back again and again, and this is one command a request fewer. A
        // request in flight while another replica resets may skip a write the reset has just undone.
        if (written.get(field) === value) return;
        await db.hset(k.names, field, value);
        written.set(field, value);
      }),
      nameOf: (idNum) => guard(async () => {
        const sealed = await db.hget(k.names, seal.field(idNum));
        return (sealed === null ? undefined : seal.open(idNum, sealed)) ?? options.declared?.get(idNum);
      }),
      countToday: (day, key) => guard(async () => Number(await run.countToday(`${k.day}${day}`, seal.field(key), DAY_COUNT_TTL_S))),
      reset: () => deleteMatching(`${k.day}*`).then(() => guard(async () => {
        written.clear();
        await db.del(k.names);
      })),
    },
    rateWindows: {
      exceeded: (key, limit, now) => guard(async () => {
        const count = Number(await run.rateWindow(`${k.rate}${key}`, now, limit.seconds * 1000));
        return count > limit.points ? count : undefined;
      }),
      reset: () => deleteMatching(`${k.rate}*`),
    },
    tokens: {
      issue: (now, lifetimeMs, who) => guard(async () => {
        const issued = newToken(now, lifetimeMs, who);
        // Expiry is judged on the emulated clock (authenticate); Redis only forgets a token well after it has expired there.
        await db.set(`${k.token}${issued.token}`, JSON.stringify(issued), 'PX', Math.max(lifetimeMs * 2, 60_000));
        return issued;
      }),
      find: (token) => guard(async () => parse<IssuedToken>(await db.get(`${k.token}${token}`))),
      reset: () => deleteMatching(`${k.token}*`),
    },
    lockout: {
      lockedUntil: (id, now) => guard(async () => {
        const until = Number(await run.lockedUntil(`${k.lockout}${id}`, now));
        return until > 0 ? until : undefined;
      }),
      fail: (id, now, rule) => guard(async () => {
        const [count, until] = (await run.lockoutFail(`${k.lockout}${id}`, now, rule.failures, rule.seconds * 1000)) as [number, number];
        return until > 0 ? { count, lockedUntil: until } : { count };
      }),
      succeed: (id) => guard(async () => { await db.del(`${k.lockout}${id}`); }),
      reset: () => deleteMatching(`${k.lockout}*`),
    },
    nonces: {
      use: (credential, nonce, now, windowMs) => guard(async () => Number(await run.useNonce(`${k.nonce}${credential}\0${nonce}`, now, windowMs)) === 1),
      reset: () => deleteMatching(`${k.nonce}*`),
    },
    bindings: {
      bind: (caller, spec) => guard(async () => {
        const b: Binding = { ...spec, id: await db.incr(k.bindingId) };
        await db.hset(k.bindings, caller, JSON.stringify(b));
        return b;
      }),
      unbind: (caller) => guard(async () => (await db.hdel(k.bindings, caller)) > 0),
      of: (caller) => guard(async () => parse<Binding>(await db.hget(k.bindings, caller))),
      all: () => guard(async () => Object.fromEntries(Object.entries(await db.hgetall(k.bindings)).map(([c, t]) => [c, JSON.parse(t) as Binding]))),
      forCaller: (caller) => guard(async () => {
        // Lua's false for a missing key arrives as null.
        const [binding, active] = (await run.forCaller(k.bindings, k.active, caller)) as [string | null, string | null];
        return { binding: parse<Binding>(binding), active: parse<Binding>(active) };
      }),
      setActive: (spec: BindingSpec | undefined) => guard(async () => {
        if (!spec) return void (await db.del(k.active));
        const b: Binding = { ...spec, id: await db.incr(k.bindingId) };
        await db.set(k.active, JSON.stringify(b));
        return b;
      }),
      active: () => guard(async () => parse<Binding>(await db.get(k.active))),
      reset: () => guard(async () => { await db.del(k.bindings, k.active); }),
    },
    counters: {
      read: (keys) => guard(async () => (keys.length ? (await db.hmget(k.counters, ...keys)).map(Number) : [])),
      take: (takes) => guard(async () => {
        if (!takes.length) return true;
        return Number(await run.takeCounters(k.counters, ...takes.flatMap((t) => [t.key, t.was, t.by]))) === 1;
      }),
      reset: () => guard(async () => { await db.del(k.counters); }),
    },
    coverage: {
      record: (api, outcome) => guard(async () => { await Promise.all([db.sadd(k.coverageApis, api), db.sadd(`${k.coverage}${api}`, outcome)]); }),
      seen: () => guard(async () => {
        const apis = await db.smembers(k.coverageApis);
        const outcomes = await Promise.all(apis.map((api) => db.smembers(`${k.coverage}${api}`)));
        return new Map(apis.map((api, i) => [api, new Set(outcomes[i])]));
      }),
      reset: () => deleteMatching(`${k.coverage}*`).then(() => guard(async () => { await db.del(k.coverageApis); })),
    },
    faceIdFlows: redisFaceIdFlows(() => db, p, seal, guard, deleteMatching),
    clock: {
      load: () => guard(async () => {
        const [clock = null, epoch = null] = await db.mget(k.clock, k.epoch);
        if (epoch !== seenEpoch) {
          written.clear();
          seenEpoch = epoch;
        }
        return parse<ClockSetting>(clock) ?? { offsetMs: 0 };
      }),
      // Optimistic: WATCH the setting, write the change in MULTI, and try again if another replica wrote first.
      // WATCH belongs to the connection, so this replica's own changes take turns on it.
      update: (change) => {
        const turn = clockTurn.then(() => guard(async () => {
          for (;;) {
            await db.watch(k.clock);
            const next = change(parse<ClockSetting>(await db.get(k.clock)) ?? { offsetMs: 0 });
            if (await db.multi().set(k.clock, JSON.stringify(next)).exec()) return next;
          }
        }));
        clockTurn = turn.catch(() => undefined);
        return turn;
      },
    },
    healthy: () => db?.status === 'ready',
    reset: async () => {
      await guard(() => db.incr(k.epoch));
      written.clear();
      for (const part of ['journal', 'register', 'rateWindows', 'tokens', 'lockout', 'nonces', 'bindings', 'counters', 'coverage', 'faceIdFlows'] as const) await state[part].reset();
    },
    close: async () => {
      if (!db) return;
      await Promise.allSettled([db.quit(), sub.quit()]);
      db.disconnect();
      sub.disconnect();
    },
  };

  /** Deletes the keys under a pattern of this prefix, a batch at a time (SCAN never blocks Redis as KEYS would). */
  async function deleteMatching(pattern: string): Promise<void> {
    await guard(async () => {
      let cursor = '0';
      do {
        const [next, keys] = await db.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        if (keys.length) await db.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    });
  }

  return {
    state,
    connect: async () => {
      // The first error of either connection fails the start at once with its own words (ECONNREFUSED, a TLS or
      // AUTH failure): ioredis would otherwise go on retrying, and its rejection says only "Connection is closed".
      await open();
      let fail!: (e: Error) => void;
      const failed = new Promise<never>((_resolve, reject) => { fail = reject; });
      db.on('error', fail);
      sub.on('error', fail);
      try {
        await Promise.race([Promise.all([db.connect(), sub.connect()]).then(() => sub.subscribe(k.live)), failed]);
      } catch (e) {
        db.disconnect();
        sub.disconnect();
        throw new Error(`cannot reach the state store ${where}: ${(e as Error).message}`, { cause: e });
      } finally {
        db.off('error', fail);
        sub.off('error', fail);
      }
    },
  };
}
