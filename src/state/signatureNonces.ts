
/**
 * Signature nonces seen per credential, on the emulator's clock, for replay refusal: a signing scheme
 * whose nonce may be used once within a window raises `nonceReused` for a second use. A nonce is
 * forgotten once its window has passed, so the store holds at most one window's requests.
 */
export class SignatureNonces implements NonceStore {
  /** `credential\0nonce` → when it was first seen; a Map keeps insertion order, so the oldest come first. */
  private readonly seen = new Map<string, number>();

  use(credential: string, nonce: string, now: number, windowMs: number): Promise<boolean> {
    for (const [key, at] of this.seen) {
      if (at > now - windowMs) break;
      this.seen.delete(key);
    }
    const key = `${credential}\0${nonce}`;
    const at = this.seen.get(key);
    if (at !== undefined && Math.abs(now - at) < windowMs) return Promise.resolve(false);
    this.seen.delete(key);
    this.seen.set(key, now);
    return Promise.resolve(true);
  }

  reset(): Promise<void> {
    this.seen.clear();
    return Promise.resolve();
  }
}

export interface NonceStore {
  /** Records the nonce; false if it was already seen less than `windowMs` ago. Atomic across replicas. */
  use(credential: string, nonce: string, now: number, windowMs: number): Promise<boolean>;
  reset(): Promise<void>;
}
