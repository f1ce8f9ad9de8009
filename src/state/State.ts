import { Journal } from './journal.ts';
import { IdentityRegister, type RecordedPerson } from './identityRegister.ts';
import { RateWindows } from './rateWindows.ts';
import { TokenStore } from './tokenStore.ts';
import { AkLockout } from './akLockout.ts';
import { Bindings } from './bindings.ts';
import { Counters } from './counters.ts';
import { Coverage } from './coverage.ts';
import { SignatureNonces } from './signatureNonces.ts';
import { FaceIdFlows } from './faceIdFlows.ts';

/**
 * Everything `POST /__mock/reset` clears, behind one interface: what the emulator has learned and
 * counted since it started. Configuration (config.ts) and vendor data (schemas/) are not here.
 */
export class State {
  readonly journal: Journal;
  /** Who is "on record" for the verification APIs, and their daily counts. */
  readonly register: IdentityRegister;
  readonly rateWindows = new RateWindows();
  /** Huawei IAM tokens issued by KeystoneCreateUserTokenByPassword. */
  readonly tokens = new TokenStore();
  /** Credentials locked after repeated signature failures. */
  readonly lockout = new AkLockout();
  /** Signature nonces seen, for the replay refusal of schemes that sign one. */
  readonly nonces = new SignatureNonces();
  /** Per-caller bindings and the server-wide active scenario. */
  readonly bindings = new Bindings();
  /** Scenario `times` budgets and sequence positions, per caller. */
  readonly counters = new Counters();
  /** Which documented outcomes this run produced. */
  readonly coverage = new Coverage();
  /** Hosted verifications (a token, the page the user finishes on, the result read back), by token. */
  readonly faceIdFlows = new FaceIdFlows();

  constructor(options: { declaredPersons?: Iterable<RecordedPerson>; journalSize?: number } = {}) {
    this.journal = new Journal(options.journalSize);
    this.register = new IdentityRegister(options.declaredPersons);
  }

  reset(): void {
    this.journal.reset();
    this.register.reset();
    this.rateWindows.reset();
    this.tokens.reset();
    this.lockout.reset();
    this.nonces.reset();
    this.bindings.reset();
    this.counters.reset();
    this.coverage.reset();
    // Async for a store outside the process; the in-process one is cleared before this returns.
    void this.faceIdFlows.reset();
  }
}
