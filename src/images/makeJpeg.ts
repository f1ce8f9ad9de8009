// Synthetic JPEGs the emulator returns where the real APIs return crops
// (card crops, portraits), and the JPEGs of makeCardImage. The encoder is
// deterministic, so the same request always yields the same bytes, which keeps
// snapshot tests stable.
import { LRUCache } from 'lru-cache';
import { encodeJpeg } from './encodeJpeg.ts';
import { paintPicture, type PictureKind } from './paintPicture.ts';

export interface MakeJpegOptions {
  width: number;
  height: number;
  seed: string;
  kind: PictureKind;
  quality?: number;
  comment?: string;
}

const MAX_SIDE = 8192; // keeps the RGBA buffer (w*h*4) well under 300 MB
// Callers ask for the same crop repeatedly; painting and encoding a card costs tens of ms, so the 64 most
// recently used are kept.
const cache = new LRUCache<string, Buffer>({ max: 64 });

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
    jpeg = encodeJpeg(paintPicture(width, height, seed, kind), width, height, { quality, comment });
    cache.set(key, jpeg);
  }
  // Hand out a copy: a caller mutating its Buffer must not corrupt the cache.
  return Buffer.from(jpeg);
}
