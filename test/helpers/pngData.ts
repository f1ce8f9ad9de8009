import { inflateSync } from 'node:zlib';

/** The decompressed image data (filtered scanlines) of a PNG: its IDAT chunks joined and inflated, which also checks the Adler-32. */
export function pngData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let pos = 8; pos + 8 <= png.length;) {
    const length = png.readUInt32BE(pos);
    if (png.toString('latin1', pos + 4, pos + 8) === 'IDAT') parts.push(png.subarray(pos + 8, pos + 8 + length));
    pos += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
}
