import { Journal } from './journal.ts';
import { IdentityRegister } from './identityRegister.ts';
import { RateWindows } from './rateWindows.ts';
import { TokenStore } from './tokenStore.ts';
import { AkLockout } from './akLockout.ts';
import { Bindings } from './bindings.ts';
import { Counters } from './counters.ts';
import { Coverage } from './coverage.ts';
import { SignatureNonces } from './signatureNonces.ts';
import { memoryClockStore } from './clock.ts';
import { FaceIdFlows } from './faceIdFlows.ts';
import type { State } from './State.ts';

export interface StateOptions {
  /** The persons scenarios declare, by ID number: on record in every store, across reset. */
  declared?: ReadonlyMap<string, string>;
  journalSize?: number;
}

/** The state in this process: the default, nothing to install, gone when the process ends. */
export function memoryState(options: StateOptions = {}): State {
  const parts = {
    journal: new Journal(options.journalSize),
    register: new IdentityRegister(options.declared),
    rateWindows: new RateWindows(),
    tokens: new TokenStore(),
    lockout: new AkLockout(),
    nonces: new SignatureNonces(),
    bindings: new Bindings(),
    counters: new Counters(),
    coverage: new Coverage(),
    faceIdFlows: new FaceIdFlows(),
  };
  return {
    kind: 'memory',
    ...parts,
    clock: memoryClockStore(),
    healthy: () => true,
    reset: async () => { await Promise.all(Object.values(parts).map((p) => p.reset())); },
    close: () => Promise.resolve(),
  };
}
