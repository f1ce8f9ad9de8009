// Seeded, dependency-free PRNG. Every fake identity is derived from
// createRandom(seed, key) so the emulator hands back the same person for the same
// image/key on every run and machine — never Math.random.
import { createHash } from 'node:crypto';

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, maxInclusive]. */
  int(min: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
}

const encoder = new TextEncoder();

/**
 * Hashes the parts with SHA-256 (each length-prefixed, so ('ab','c') and ('a','bc')
 * differ) and uses the digest as the 128-bit state of sfc32, a small fast PRNG that
 * passes PractRand — plenty for test data, and far cheaper than re-hashing per draw.
 */
export function createRandom(...parts: (string | Uint8Array)[]): Random {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? encoder.encode(part) : part;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(bytes.length);
    hash.update(len).update(bytes);
  }
  const digest = hash.digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);

  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs so the state is well mixed (standard sfc32 practice).
  for (let i = 0; i < 12; i++) nextU32();

  const next = (): number => nextU32() / 4294967296;
  const int = (min: number, maxInclusive: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(maxInclusive) || maxInclusive < min) {
      throw new RangeError(`int(${min}, ${maxInclusive}): invalid range`);
    }
    return min + Math.floor(next() * (maxInclusive - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[int(0, items.length - 1)] as T;
  };
  const weighted = <T>(items: readonly { value: T; weight: number }[]): T => {
    let total = 0;
    for (const item of items) total += Math.max(0, item.weight);
    if (!(total > 0)) throw new RangeError('weighted() needs a positive total weight');
    let r = next() * total;
    for (const item of items) {
      r -= Math.max(0, item.weight);
      if (r < 0) return item.value;
    }
    // Floating-point leftovers: fall back to the last positively weighted item.
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (item && item.weight > 0) return item.value;
    }
    throw new RangeError('unreachable');
  };
  return { next, int, pick, weighted };
}
