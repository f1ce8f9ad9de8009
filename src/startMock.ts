import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer } from './server.ts';
import { runtimeOf } from './app.ts';
import { resetRuntime } from './runtime.ts';
import { coverageReport } from './coverageReport.ts';
import { parseBindingSpec } from './state/parseBindingSpec.ts';
import { mockOptionProblems } from './mockOptionProblems.ts';
import { filterJournal } from './journalEntries/filterJournal.ts';
import { duration, instant } from './state/timeInput.ts';
import type { Binding } from './state/bindings.ts';
import type { Config } from './config.ts';
import type { Outcome } from './data/types.ts';
import type { JournalEntry } from './state/journal.ts';
import type { CoverageReport } from './state/coverage.ts';

/** The settings of `idcard-mock start` (src/config.ts), all optional; `port` defaults to 0 (any free port) here. */
export type MockOptions = Partial<Config> & {
  /** Folders of your own scenario files, laid out like scenarios/ (`--scenarios`); relative to the working directory. */
  scenarios?: string | readonly string[];
};

/** A scenario name (as GET /__mock/scenarios lists them; several comma-separated), or a binding as PUT /__mock/bindings takes it. */
export type BindingInput = string | {
  scenario?: string;
  /** Played in order per caller: scenario names, or objects with a scenario's fields (`{}` is the plain answer). */
  steps?: (string | Outcome)[];
  times?: number;
  /** Whether the last step repeats once the steps are played (default true). */
  repeatLast?: boolean;
};

/** GET /__mock/journal's filters; `since` also takes a Date. */
export interface MockJournalFilter {
  api?: string;
  caller?: string;
  outcome?: string;
  since?: Date | number | string;
}

export interface MockClock {
  /** The emulator's time, in epoch milliseconds (with shared state, as every replica sees it now). */
  now(): Promise<number>;
  /** Stops the clock at an instant (a Date, epoch milliseconds or an ISO 8601 time). */
  set(at: Date | number | string): Promise<void>;
  /** Moves it by milliseconds or a duration such as `'25h'`, `'10m'`, `'30s'`, `'1d'`. */
  advance(by: number | string): Promise<void>;
  /** Runs it with real time again (`POST /__mock/clock {"follow": true}`); `follow(true)` lets it run on from the time it shows now. */
  follow(fromNow?: boolean): Promise<void>;
}

/**
 * A running emulator; each holds its own state (journal, bindings, counters, clock, coverage), or shares
 * it with every replica on the same `state` Redis. Every call returns a Promise: the state may be in Redis.
 */
export interface Mock {
  /** `http://127.0.0.1:PORT`: the Huawei SDKs' endpoint, and the base of the control plane (`${url}/__mock/…`). */
  url: string;
  /** `127.0.0.1:PORT`: what the Tencent SDKs' `httpProfile.endpoint` takes (with `protocol: 'http://'`). */
  endpoint: string;
  port: number;
  /** Stops listening and ends every open connection (keep-alive and hanging ones too), and lets go of the state store. */
  close(): Promise<void>;
  /** What POST /__mock/reset does: clears journal, register, rate windows, tokens, bindings, counters, coverage. */
  reset(): Promise<void>;
  journal(filter?: MockJournalFilter): Promise<JournalEntry[]>;
  /** Binds a credential (Tencent SecretId, Huawei AK, IAM `user@project_id`); rejects on a scenario no API has. */
  bind(credential: string, scenario: BindingInput): Promise<Binding>;
  unbind(credential: string): Promise<boolean>;
  /** The server-wide scenario for every caller without a binding; `undefined` clears it. */
  setActive(scenario: BindingInput | undefined): Promise<Binding | undefined>;
  clock: MockClock;
  /** Per API, every documented error, warning and result code and whether this run produced it. */
  coverage(): Promise<CoverageReport>;
}

/**
 * The emulator in this process, listening (on any free port unless `port` is given), for tests:
 * what the control plane under /__mock does over HTTP, as plain calls. Checks the options as the CLI
 * checks its flags (rejects naming every mistake), then loads and checks all data (rejects with a DataError).
 */
export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const problems = mockOptionProblems(options);
  if (problems.length) throw new Error(`idcard-mock: ${problems.join('; ')}`);
  const { scenarios, ...settings } = options;
  const scenarioDirs = scenarios === undefined ? settings.scenarioDirs : (typeof scenarios === 'string' ? [scenarios] : scenarios).map((d) => resolve(d));
  const server = createServer({ port: 0, ...settings, ...(scenarioDirs && { scenarioDirs }) });
  const rt = runtimeOf(server.app);
  const { host, port: wanted } = rt.config;
  try {
    await rt.connectState();
  } catch (e) {
    throw new Error(`idcard-mock: ${(e as Error).message}`, { cause: e });
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `${clientHost(host)}:${port}`;
  rt.replica = endpoint;
  let closing: Promise<void> | undefined;
  const spec = (input: BindingInput): Omit<Binding, 'id'> => {
    const parsed = parseBindingSpec(rt.data, typeof input === 'string' ? { scenario: input } : input);
    if (parsed.problems) throw new Error(`idcard-mock: ${parsed.problems.join('; ')}`);
    return parsed.spec;
  };
  return {
    url: `http://${endpoint}`,
    endpoint,
    port,
    close: () => (closing ??= new Promise<void>((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      // close() alone waits for idle keep-alive sockets (SDK agents keep them) and hanging faults.
      server.closeAllConnections();
    }).finally(() => rt.state.close())),
    reset: () => resetRuntime(rt),
    journal: async (filter = {}) => {
      const since = filter.since === undefined ? undefined : instant(filter.since);
      if (filter.since !== undefined && since === undefined) throw new Error('idcard-mock: `since` must be a Date, epoch milliseconds or an ISO 8601 time');
      return filterJournal(await rt.state.journal.list(), { api: filter.api, caller: filter.caller, outcome: filter.outcome, since });
    },
    bind: async (credential, scenario) => rt.state.bindings.bind(credential, spec(scenario)),
    unbind: (credential) => rt.state.bindings.unbind(credential),
    setActive: async (scenario) => rt.state.bindings.setActive(scenario === undefined ? undefined : spec(scenario)),
    clock: {
      now: async () => {
        await rt.clock.refresh();
        return rt.clock.now();
      },
      set: async (at) => {
        const ms = instant(at);
        if (ms === undefined) throw new Error(`idcard-mock: clock.set takes a Date, epoch milliseconds or an ISO 8601 time, got ${String(at)}`);
        await rt.clock.set(ms);
      },
      advance: async (by) => {
        const ms = duration(by);
        if (ms === undefined) throw new Error(`idcard-mock: clock.advance takes milliseconds or a duration such as "25h", "10m", "30s", "1d", got ${String(by)}`);
        await rt.clock.advance(ms);
      },
      follow: (fromNow = false) => rt.clock.follow(fromNow),
    },
    coverage: () => coverageReport(rt),
  };
}

/** Where a client reaches a server listening on `host`: loopback for the wildcard addresses, IPv6 in brackets. */
function clientHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
