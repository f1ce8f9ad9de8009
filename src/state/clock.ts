/**
 * The emulator's clock. It drives signature skew, token expiry, card validity dates, the daily limits
 * of the verification APIs and the rate windows. It follows a base clock (real time, or a test's
 * `now`) shifted by an offset, or stands still at a set time; `POST /__mock/clock` moves it.
 */
export class Clock {
  private offset = 0;
  private frozenAt: number | undefined;

  constructor(private readonly base: () => number) {}

  now(): number {
    return this.frozenAt ?? this.base() + this.offset;
  }

  /** Stops the clock at `ms` (it stays there until advanced or told to follow real time). */
  set(ms: number): void {
    this.frozenAt = ms;
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offset += ms;
  }

  /** Runs with the base clock again, from where it is now (`fromNow`) or with no offset at all. */
  follow(fromNow = false): void {
    const at = this.now();
    this.frozenAt = undefined;
    this.offset = fromNow ? at - this.base() : 0;
  }

  get state(): { now: string; ms: number; mode: 'frozen' | 'running'; offsetMs: number } {
    const ms = this.now();
    return { now: new Date(ms).toISOString(), ms, mode: this.frozenAt === undefined ? 'running' : 'frozen', offsetMs: ms - this.base() };
  }
}
