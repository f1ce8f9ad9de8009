
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

/** One counter a scenario choice uses up: its value when the choice was made, and by how much it goes up. */
export interface CounterTake { key: string; was: number; by: number }

export interface CounterStore {
  /** The counters' values (0 for one never used), in the order asked. */
  read(keys: readonly string[]): Promise<number[]>;
  /**
   * Adds each take's `by`, all or none: only when every counter still holds `was` (another request,
   * on any replica, may have taken the same step since it was read). False when one has moved.
   */
  take(takes: readonly CounterTake[]): Promise<boolean>;
  reset(): Promise<void>;
}
