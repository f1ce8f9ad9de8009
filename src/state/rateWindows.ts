import type { RateLimit } from '../data/types.ts';

/**
 * Fixed windows per key on the emulator's clock (`now`), so a test can burst and then move the clock
 * instead of racing the wall clock. A window starts with the first request that finds none open and
 * lasts `seconds`; past `points` requests in it, the request is refused. Hand-written because the
 * rate-limiter libraries (rate-limiter-flexible) count on Date.now() and cannot be given a clock.
 */
export class RateWindows implements RateWindowStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  exceeded(key: string, limit: RateLimit, now: number): Promise<number | undefined> {
    let w = this.windows.get(key);
    if (!w || now - w.start >= limit.seconds * 1000 || now < w.start) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return Promise.resolve(w.count > limit.points ? w.count : undefined);
  }

  reset(): Promise<void> {
    this.windows.clear();
    return Promise.resolve();
  }
}

export interface RateWindowStore {
  /** Counts one request; the window's count when it is over the limit, undefined otherwise. Atomic across replicas. */
  exceeded(key: string, limit: RateLimit, now: number): Promise<number | undefined>;
  reset(): Promise<void>;
}
