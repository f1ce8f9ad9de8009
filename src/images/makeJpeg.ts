// Synthetic JPEGs the emulator returns where the real APIs return crops
// (card crops, portraits). jpeg-js is pure JS and deterministic, so the same
// request always yields the same bytes, which keeps snapshot tests stable.
import { LRUCache } from 'lru-cache';
import { requireDependency } from '../requireDependency.ts';
import { paintPicture } from './paint.ts';

export interface MakeJpegOptions {
  width: number;
  height: number;
  seed: string;
  kind: 'card' | 'portrait';
  quality?: number;
  comment?: string;
}

const MAX_SIDE = 8192; // keeps the RGBA buffer (w*h*4) well under 300 MB
// Callers ask for the same crop repeatedly; encoding costs tens of ms, so the 64 most recently used are kept.
const cache = new LRUCache<string, Buffer>({ max: 64 });

/** Inserts a COM segment after SOI and, if present, the JFIF APP0 (which JFIF requires to come first). */
function withComment(jpeg: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'utf8');
  if (text.length > 0xffff - 2) throw new RangeError('JPEG comment longer than 65533 bytes');
  const header = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
  let at = 2;
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0) at = 4 + jpeg.readUInt16BE(4);
  return Buffer.concat([jpeg.subarray(0, at), header, text, jpeg.subarray(at)]);
}

/** A baseline JPEG of a synthetic card or portrait; identical bytes for identical options. */
export function makeJpeg(opts: MakeJpegOptions): Buffer {
  const { width, height, seed, kind, comment } = opts;
  const quality = opts.quality ?? 85;
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_SIDE) throw new RangeError(`${name} must be an integer in 1..${MAX_SIDE}`);
  }
  if (!Number.isInteger(quality) || quality < 1 || quality > 100) throw new RangeError('quality must be an integer in 1..100');

  const key = JSON.stringify([width, height, seed, kind, quality, comment ?? null]);
  let jpeg = cache.get(key);
  if (!jpeg) {
    // jpeg-js is loaded with the first picture made, not at every start.
    const { encode } = requireDependency('jpeg-js') as typeof import('jpeg-js');
    jpeg = encode({ width, height, data: paintPicture(width, height, seed, kind) }, quality).data;
    if (comment !== undefined) jpeg = withComment(jpeg, comment);
    cache.set(key, jpeg);
  }
  // Hand out a copy: a caller mutating its Buffer must not corrupt the cache.
  return Buffer.from(jpeg);
}
