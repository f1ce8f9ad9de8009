/** The size of each block the texts are written into; a text larger than a quarter of it gets a Buffer of its own. */
const BLOCK_BYTES = 256 * 1024;

let block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
let filled = 0;

/**
 * A text as UTF-8 bytes, written one after another into shared blocks allocated outside V8's heap; a block
 * is freed once no text in it is kept. The journal keeps each request so (src/journalEntries/journalEntry.ts).
 *
 * Why not `Buffer.from(text)`: that takes its bytes from Node's 8 KiB pool, so a new pool is allocated (and
 * later freed) every few records, and that malloc and free showed in `perf` at about 4 % of the emulator's
 * CPU at 2 kB and 10 connections. Written into 256 KiB blocks, an answer took 114.1 µs of CPU against 121.5 µs
 * (`ROUNDS=4 npm run bench:compare`, the two builds side by side).
 */
export function textBytes(text: string): Buffer {
  const size = Buffer.byteLength(text);
  if (size > BLOCK_BYTES / 4) return Buffer.from(text);
  if (filled + size > BLOCK_BYTES) {
    block = Buffer.allocUnsafeSlow(BLOCK_BYTES);
    filled = 0;
  }
  block.write(text, filled, size, 'utf8');
  const bytes = block.subarray(filled, filled + size);
  filled += size;
  return bytes;
}
