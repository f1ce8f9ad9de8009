/**
 * The state store cannot be reached (Redis lost mid-run). The lifecycle answers an API request with the
 * vendor's internal error and a notice saying so; the control plane answers 503. Nothing is served
 * from a stale local copy instead.
 */
export class StateUnavailable extends Error {
  constructor(readonly where: string, cause: unknown) {
    super(`the state store ${where} is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StateUnavailable';
  }
}

export function isStateUnavailable(e: unknown): e is StateUnavailable {
  return e instanceof StateUnavailable;
}
