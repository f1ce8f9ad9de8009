/** "more than 5 consecutive AK/SK failures locks the AK for 5 minutes" (huawei-ocr.md section 3.4, WEB apig-faq-0003). */
const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60 * 1000;

/** Consecutive signature failures per Huawei AK, on the emulator's clock; a success clears the count. */
export class AkLockout {
  private readonly failures = new Map<string, { count: number; lockedUntil?: number }>();

  isLocked(ak: string, now: number): boolean {
    const f = this.failures.get(ak);
    if (!f?.lockedUntil) return false;
    if (now < f.lockedUntil) return true;
    this.failures.delete(ak);
    return false;
  }

  fail(ak: string, now: number): void {
    const f = this.failures.get(ak) ?? { count: 0 };
    f.count += 1;
    if (f.count >= MAX_FAILURES) f.lockedUntil = now + LOCK_MS;
    this.failures.set(ak, f);
  }

  succeed(ak: string): void {
    this.failures.delete(ak);
  }

  reset(): void {
    this.failures.clear();
  }
}
