import type { JournalEntry } from './journal.ts';
import type { IssuedToken } from './tokenStore.ts';
import type { LockoutRule } from './akLockout.ts';
import type { Binding, BindingSpec } from './bindings.ts';
import type { ClockSetting } from './clock.ts';
import type { RateLimit } from '../data/types.ts';

/**
 * Everything `POST /__mock/reset` clears, behind one contract that the lifecycle awaits: what the
 * emulator has learned and counted since it started. Two stores keep it: in this process
 * (memoryState.ts, the default) and in Redis (redis/redisState.ts, `--state redis://…`), so that
 * replicas behind a load balancer answer as one emulator. test/state/stateContract.test.ts runs one
 * suite against both. Configuration (config.ts) and vendor data (schemas/) are not here.
 */
export interface State {
  /** `memory` or `redis`; what /__mock/health reports. */
  readonly kind: 'memory' | 'redis';
  readonly journal: JournalStore;
  /** Who is "on record" for the verification APIs, and their daily counts. */
  readonly register: RegisterStore;
  readonly rateWindows: RateWindowStore;
  /** Huawei IAM tokens issued by KeystoneCreateUserTokenByPassword. */
  readonly tokens: TokenStoreContract;
  /** Credentials locked after repeated signature failures. */
  readonly lockout: LockoutStore;
  /** Signature nonces seen, for the replay refusal of schemes that sign one. */
  readonly nonces: NonceStore;
  /** Per-caller bindings and the server-wide active scenario. */
  readonly bindings: BindingStore;
  /** Scenario `times` budgets and sequence positions, per caller. */
  readonly counters: CounterStore;
  /** Which documented outcomes this run produced. */
  readonly coverage: CoverageStore;
  /** The emulated clock's setting (offset or frozen instant); not cleared by reset. */
  readonly clock: ClockStore;
  /** Whether the store can be reached now (`degraded` while Redis is lost). */
  healthy(): boolean;
  reset(): Promise<void>;
  /** Lets go of connections (Redis); the memory store has none. */
  close(): Promise<void>;
}

export interface JournalStore {
  record(entry: JournalEntry): Promise<void>;
  /** The entries, oldest first. */
  list(): Promise<JournalEntry[]>;
  /** Calls `fn` with every entry recorded from now on, by any replica; returns the function that stops it. */
  onRecord(fn: (entry: JournalEntry) => void): () => void;
  reset(): Promise<void>;
}

export interface RegisterStore {
  remember(idNum: string, name: string): Promise<void>;
  nameOf(idNum: string): Promise<string | undefined>;
  /** Counts one use of `key` on calendar day `day`; the day's count so far, this one included. */
  countToday(day: string, key: string): Promise<number>;
  reset(): Promise<void>;
}

export interface RateWindowStore {
  /** Counts one request; the window's count when it is over the limit, undefined otherwise. Atomic across replicas. */
  exceeded(key: string, limit: RateLimit, now: number): Promise<number | undefined>;
  reset(): Promise<void>;
}

export interface TokenStoreContract {
  /** `lifetimeMs`: the provider's token lifetime (huawei provider.json `limits.tokenLifetimeSeconds`). */
  issue(now: number, lifetimeMs: number, who: Omit<IssuedToken, 'token' | 'issuedAt' | 'expiresAt'>): Promise<IssuedToken>;
  find(token: string): Promise<IssuedToken | undefined>;
  reset(): Promise<void>;
}

export interface LockoutStore {
  /** When a locked credential's lockout ends (emulated-clock ms); undefined when it is not locked (an ended lockout is forgotten). */
  lockedUntil(id: string, now: number): Promise<number | undefined>;
  /** Counts a failure: how many in a row so far, and the lockout's end once the rule's count is reached. */
  fail(id: string, now: number, rule: LockoutRule): Promise<{ count: number; lockedUntil?: number }>;
  succeed(id: string): Promise<void>;
  reset(): Promise<void>;
}

export interface NonceStore {
  /** Records the nonce; false if it was already seen less than `windowMs` ago. Atomic across replicas. */
  use(credential: string, nonce: string, now: number, windowMs: number): Promise<boolean>;
  reset(): Promise<void>;
}

export interface BindingStore {
  bind(caller: string, spec: BindingSpec): Promise<Binding>;
  unbind(caller: string): Promise<boolean>;
  of(caller: string): Promise<Binding | undefined>;
  all(): Promise<Record<string, Binding>>;
  /** The caller's binding and the active scenario, in one read (what every request needs). */
  forCaller(caller: string): Promise<{ binding?: Binding; active?: Binding }>;
  setActive(spec: BindingSpec | undefined): Promise<Binding | undefined>;
  active(): Promise<Binding | undefined>;
  reset(): Promise<void>;
}

/** One counter a scenario choice uses up: its value when the choice was made, and by how much it goes up. */
export interface CounterTake { key: string; was: number; by: number }

export interface CounterStore {
  /** The counters' values (0 for one never used), in the order asked. */
  read(keys: readonly string[]): Promise<number[]>;
  /**
   * Adds each take's `by`, all or none: only when every counter still holds `was` (another request,
   * on any replica, may have taken the same step since it was read). False when one has moved.
   */
  take(takes: readonly CounterTake[]): Promise<boolean>;
  reset(): Promise<void>;
}

export interface CoverageStore {
  record(api: string, outcome: string): Promise<void>;
  /** Every outcome produced so far, by API key (`error:<code>`, `warning:<code>`, `result:<code>`). */
  seen(): Promise<Map<string, Set<string>>>;
  reset(): Promise<void>;
}

export interface ClockStore {
  /** The shared setting now. */
  load(): Promise<ClockSetting>;
  /** Changes it in one step (a replica's advance and another's set do not lose each other); returns the new setting. */
  update(change: (current: ClockSetting) => ClockSetting): Promise<ClockSetting>;
}
