/** How often each scenario counter (a `times` budget, a sequence position) has been used, per caller. */
export class Counters {
  private readonly counts = new Map<string, number>();

  used(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  consume(keys: readonly string[]): void {
    for (const k of keys) this.counts.set(k, this.used(k) + 1);
  }

  reset(): void {
    this.counts.clear();
  }
}
