// Internal helper for makeCardImage: a minimal PNG writer (8-bit RGB, one IDAT).
// Written by hand to avoid a dependency; node:zlib only gained crc32 in Node 22
// and the project supports Node 20, hence the table-driven CRC32 below.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE[n] = c >>> 0;
}

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** length + type + data + CRC(type + data), as PNG requires (also used by src/fixtureImages/encodeBandedPng.ts). */
export function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/**
 * Encodes RGBA pixels (alpha dropped) as a PNG; `comment` becomes a tEXt chunk
 * with keyword "Comment" placed before IDAT, where readMarkers looks for it.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number, comment?: string): Buffer {
  // Each scanline: filter type 1 (Sub, difference to the left pixel), then RGB.
  // Sub turns the flat-coloured areas into zero runs that deflate compresses well.
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 1;
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < 3; ch++) {
        const cur = rgba[(y * width + x) * 4 + ch] ?? 0;
        const left = x > 0 ? (rgba[(y * width + x - 1) * 4 + ch] ?? 0) : 0;
        raw[y * stride + 1 + x * 3 + ch] = (cur - left) & 0xff;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, adaptive filtering, no interlace
  const chunks = [chunk('IHDR', ihdr)];
  // tEXt is nominally Latin-1; marker text is ASCII in practice and readMarkers decodes UTF-8.
  if (comment !== undefined) chunks.push(chunk('tEXt', Buffer.from(`Comment\0${comment}`, 'utf8')));
  chunks.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks]);
}
