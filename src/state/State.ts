import type { JournalStore } from './journal.ts';
import type { RegisterStore } from './identityRegister.ts';
import type { RateWindowStore } from './rateWindows.ts';
import type { TokenStoreContract } from './tokenStore.ts';
import type { LockoutStore } from './akLockout.ts';
import type { NonceStore } from './signatureNonces.ts';
import type { BindingStore } from './bindings.ts';
import type { CounterStore } from './counters.ts';
import type { CoverageStore } from './coverage.ts';
import type { ClockStore } from './clock.ts';
import type { FaceIdFlowStore } from './faceIdFlows.ts';

/**
 * Everything `POST /__mock/reset` clears, behind one contract that the lifecycle awaits: what the
 * emulator has learned and counted since it started. Two stores keep it: in this process
 * (memoryState.ts, the default) and in Redis (redis/redisState.ts, `--state redis://…`), so that
 * replicas behind a load balancer answer as one emulator. test/state/stateContract.test.ts runs one
 * suite against both. Each piece's contract (JournalStore, CounterStore, …) is declared beside its in-memory
 * implementation. Configuration (config.ts) and vendor data (schemas/) are not here.
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
  /** Hosted verifications (a token, the page the user finishes on, the result read back), by token. */
  readonly faceIdFlows: FaceIdFlowStore;
  /** The emulated clock's setting (offset or frozen instant); not cleared by reset. */
  readonly clock: ClockStore;
  /** Whether the store can be reached now (`degraded` while Redis is lost). */
  healthy(): boolean;
  reset(): Promise<void>;
  /** Lets go of connections (Redis); the memory store has none. */
  close(): Promise<void>;
}
