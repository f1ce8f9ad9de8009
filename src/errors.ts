/**
 * The error value that logic throws. Mechanisms throw the error of a *role* (`roleError`: what they found: `signatureMismatch`,
 * `clockSkew`, `bodyTooLarge`, …) and the provider's data (schemas/<provider>/provider.json `roles`,
 * an API's action.json `roles`) names the vendor code for it; logic that reads a code from data (an
 * image rule, a scenario) throws the error of the code itself (`MockError.code`). One renderer per provider turns it into the vendor's
 * envelope, with the message taken from the error catalog (never written in src/).
 */
import type { Role } from './data/roles.ts';

/** Why a signature failed, for the journal, the log and (with --debug-signatures) a response header; never in the vendor's body. */
export interface SignatureDiagnosis {
  /** The likely cause, in words. */
  cause: string;
  canonicalRequest?: string;
  stringToSign?: string;
}

export class MockError extends Error {
  /** Set by a signature check that failed. */
  diagnosis?: SignatureDiagnosis;
  /**
   * Why, in the emulator's words, where the vendor's answer leaves the cause to guess (never silent):
   * the lifecycle puts it in the journal, the log and X-Mock-Notice; the vendor's body stays the vendor's.
   */
  notice?: string;

  private constructor(
    /** A catalog code (an API's image error from its action.json, a scenario's error, an emulator-own code), read from data. */
    readonly code: string | undefined,
    /** A role, resolved to a code by the provider's data. */
    readonly role: string | undefined,
    /** Values for the message's {placeholders}. */
    readonly vars: Record<string, string | number>,
    /** Which of the catalog entry's real-trigger messages to use (`variants` in the catalog). */
    readonly variant?: string,
  ) {
    super(code ?? role);
    this.name = 'MockError';
  }

  /** This error with a notice that says what the user did wrong; returns it, for `throw roleError(…).noting(…)`. */
  noting(notice: string): this {
    this.notice = notice;
    return this;
  }

  /** An error named by a code that came from data. */
  static code(code: string, vars: Record<string, string | number> = {}, variant?: string): MockError {
    return new MockError(code, undefined, vars, variant);
  }

  /** An error named by what happened; the provider's data says which vendor code that is. */
  static role(role: Role, vars: Record<string, string | number> = {}): MockError {
    return new MockError(undefined, role, vars);
  }
}

/** The error of a role, to throw: `throw roleError('bodyTooLarge', { size, limit })`. */
export const roleError = MockError.role;

/** The error of a role with the diagnosis of a failed signature, to throw. */
export function diagnosedError(role: Role, diagnosis: SignatureDiagnosis, vars: Record<string, string | number> = {}): MockError {
  const e = MockError.role(role, vars);
  e.diagnosis = diagnosis;
  return e;
}

export function isMockError(e: unknown): e is MockError {
  return e instanceof MockError;
}
