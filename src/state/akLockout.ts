
/** The lockout rule of a provider's data (huawei provider.json `limits.lockout`). */
export interface LockoutRule { failures: number; seconds: number }

/** Consecutive signature failures per credential, on the emulator's clock; a success clears the count. */
export class AkLockout implements LockoutStore {
  private readonly failures = new Map<string, { count: number; lockedUntil?: number }>();

  lockedUntil(ak: string, now: number): Promise<number | undefined> {
    const f = this.failures.get(ak);
    if (!f?.lockedUntil) return Promise.resolve(undefined);
    if (now < f.lockedUntil) return Promise.resolve(f.lockedUntil);
    this.failures.delete(ak);
    return Promise.resolve(undefined);
  }

  fail(ak: string, now: number, rule: LockoutRule): Promise<{ count: number; lockedUntil?: number }> {
    const f = this.failures.get(ak) ?? { count: 0 };
    f.count += 1;
    if (f.count >= rule.failures) f.lockedUntil = now + rule.seconds * 1000;
    this.failures.set(ak, f);
    return Promise.resolve({ ...f });
  }

  succeed(ak: string): Promise<void> {
    this.failures.delete(ak);
    return Promise.resolve();
  }

  reset(): Promise<void> {
    this.failures.clear();
    return Promise.resolve();
  }
}

export interface LockoutStore {
  /** When a locked credential's lockout ends (emulated-clock ms); undefined when it is not locked (an ended lockout is forgotten). */
  lockedUntil(id: string, now: number): Promise<number | undefined>;
  /** Counts a failure: how many in a row so far, and the lockout's end once the rule's count is reached. */
  fail(id: string, now: number, rule: LockoutRule): Promise<{ count: number; lockedUntil?: number }>;
  succeed(id: string): Promise<void>;
  reset(): Promise<void>;
}
