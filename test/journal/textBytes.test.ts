import { describe, expect, it } from 'vitest';
import { textBytes } from '../../src/journalEntries/textBytes.ts';

describe('textBytes: the journal keeps its texts as UTF-8 bytes in shared blocks', () => {
  it('gives back every text exactly, across the end of a block, in any script', () => {
    // 3,000 texts of about 600 bytes fill several 256 KiB blocks; each must read back as written.
    const texts = Array.from({ length: 3000 }, (_, i) => `${i}:${'邱雅琪 371425200103211821 '.repeat(i % 25)}${'x'.repeat(i % 97)}`);
    const kept = texts.map(textBytes);
    expect(kept.map((b) => b.toString('utf8'))).toEqual(texts);
    expect(new Set(kept.map((b) => b.buffer)).size).toBeGreaterThan(1);
  });

  it('gives a text larger than a quarter block a Buffer of its own', () => {
    const big = 'é'.repeat(40_000); // 80,000 bytes
    const small = textBytes('a');
    const kept = textBytes(big);
    expect(kept.toString('utf8')).toBe(big);
    expect(kept.buffer).not.toBe(small.buffer);
    expect(textBytes('').length).toBe(0);
  });
});
