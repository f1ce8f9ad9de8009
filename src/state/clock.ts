
/** Where the emulated clock stands against its base clock: shifted by `offsetMs`, or stopped at `frozenAt`. */
export interface ClockSetting { offsetMs: number; frozenAt?: number }

/**
 * The emulator's clock. It drives signature skew, token expiry, card validity dates, the daily limits
 * of the verification APIs and the rate windows. It follows a base clock (real time, or a test's
 * `now`) shifted by an offset, or stands still at a set time; `POST /__mock/clock` moves it. The
 * setting lives in the state store: with Redis every replica reads it afresh for each request
 * (`refresh`), so a clock moved on one replica has moved on all.
 */
export class Clock {
  private setting: ClockSetting = { offsetMs: 0 };

  /** `shared`: the setting may change elsewhere (another replica), so refresh reads it from the store. */
  constructor(private readonly base: () => number, private readonly store: ClockStore = memoryClockStore(), private readonly shared = false) {}

  now(): number {
    return this.setting.frozenAt ?? this.base() + this.setting.offsetMs;
  }

  /** Reads the shared setting (once per request, before anything reads the time); nothing to wait for in memory. */
  refresh(): Promise<void> | undefined {
    if (!this.shared) return undefined;
    return this.store.load().then((s) => { this.setting = s; });
  }

  /** Stops the clock at `ms` (it stays there until advanced or told to follow real time). */
  set(ms: number): Promise<void> {
    return this.change((s) => ({ offsetMs: s.offsetMs, frozenAt: ms }));
  }

  advance(ms: number): Promise<void> {
    return this.change((s) => (s.frozenAt !== undefined ? { offsetMs: s.offsetMs, frozenAt: s.frozenAt + ms } : { offsetMs: s.offsetMs + ms }));
  }

  /** Runs with the base clock again, from where it is now (`fromNow`) or with no offset at all. */
  follow(fromNow = false): Promise<void> {
    return this.change((s) => {
      const at = s.frozenAt ?? this.base() + s.offsetMs;
      return { offsetMs: fromNow ? at - this.base() : 0 };
    });
  }

  get state(): { now: string; ms: number; mode: 'frozen' | 'running'; offsetMs: number } {
    const ms = this.now();
    return { now: new Date(ms).toISOString(), ms, mode: this.setting.frozenAt === undefined ? 'running' : 'frozen', offsetMs: ms - this.base() };
  }

  private async change(fn: (s: ClockSetting) => ClockSetting): Promise<void> {
    this.setting = await this.store.update(fn);
  }
}

/** The setting in this process. */
export function memoryClockStore(): ClockStore {
  let setting: ClockSetting = { offsetMs: 0 };
  return {
    load: () => Promise.resolve(setting),
    update: (fn) => Promise.resolve((setting = fn(setting))),
  };
}

export interface ClockStore {
  /** The shared setting now. */
  load(): Promise<ClockSetting>;
  /** Changes it in one step (a replica's advance and another's set do not lose each other); returns the new setting. */
  update(change: (current: ClockSetting) => ClockSetting): Promise<ClockSetting>;
}
