import type { CounterStore, CounterTake } from './State.ts';

/** How often each scenario counter (a `times` budget, a sequence position) has been used, per caller. */
export class Counters implements CounterStore {
  private readonly counts = new Map<string, number>();

  read(keys: readonly string[]): Promise<number[]> {
    return Promise.resolve(keys.map((k) => this.counts.get(k) ?? 0));
  }

  take(takes: readonly CounterTake[]): Promise<boolean> {
    if (takes.some((t) => (this.counts.get(t.key) ?? 0) !== t.was)) return Promise.resolve(false);
    for (const t of takes) this.counts.set(t.key, t.was + t.by);
    return Promise.resolve(true);
  }

  reset(): Promise<void> {
    this.counts.clear();
    return Promise.resolve();
  }
}
