/**
 * The error value that logic throws. It names a catalog code (a vendor code such as
 * `FailedOperation.ImageDecodeFailed` or `AIS.0103`, or one of the emulator's own `Mock.*` codes) and
 * the values for the message's {placeholders}; the provider's renderer turns it into the vendor's
 * envelope, with the message text taken from the error catalog in schemas/ (never written in src/).
 */
export class MockError extends Error {
  constructor(
    readonly code: string,
    readonly vars: Record<string, string | number> = {},
    /** Which of the catalog entry's real-trigger messages to use (`variants` in the catalog). */
    readonly variant?: string,
  ) {
    super(code);
    this.name = 'MockError';
  }
}

export function isMockError(e: unknown): e is MockError {
  return e instanceof MockError;
}
