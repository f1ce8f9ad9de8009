import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Fixed windows per key (provider, action and credential), from rate-limiter-flexible. Returns how
 * many requests the window has seen, or undefined while under the limit.
 */
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterMemory>();

  async exceeded(key: string, points: number, durationSeconds: number): Promise<number | undefined> {
    const id = `${points}/${durationSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) this.limiters.set(id, (limiter = new RateLimiterMemory({ points, duration: durationSeconds })));
    try {
      await limiter.consume(key);
      return undefined;
    } catch (e) {
      if (e instanceof RateLimiterRes) return e.consumedPoints;
      throw e;
    }
  }

  reset(): void {
    this.limiters.clear();
  }
}
