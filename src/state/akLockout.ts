/** The lockout rule of a provider's data (huawei provider.json `limits.lockout`). */
export interface LockoutRule { failures: number; seconds: number }

/** Consecutive signature failures per credential, on the emulator's clock; a success clears the count. */
export class AkLockout {
  private readonly failures = new Map<string, { count: number; lockedUntil?: number }>();

  isLocked(ak: string, now: number): boolean {
    const f = this.failures.get(ak);
    if (!f?.lockedUntil) return false;
    if (now < f.lockedUntil) return true;
    this.failures.delete(ak);
    return false;
  }

  /** When a locked AK's lockout ends (emulated-clock milliseconds); undefined when it is not locked. */
  lockedUntil(ak: string): number | undefined {
    return this.failures.get(ak)?.lockedUntil;
  }

  /** Counts a failure; returns how many in a row so far (the rule's `failures` of them lock the AK). */
  fail(ak: string, now: number, rule: LockoutRule): number {
    const f = this.failures.get(ak) ?? { count: 0 };
    f.count += 1;
    if (f.count >= rule.failures) f.lockedUntil = now + rule.seconds * 1000;
    this.failures.set(ak, f);
    return f.count;
  }

  succeed(ak: string): void {
    this.failures.delete(ak);
  }

  reset(): void {
    this.failures.clear();
  }
}
