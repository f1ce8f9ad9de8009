// Fixture images for tests and users: an ID-card-like picture whose embedded
// markers tell the emulator what it "shows" (see markers.ts).
import { encodePng } from './encodePng.ts';
import { makeJpeg } from './makeJpeg.ts';
import { formatMarkers } from './markerText.ts';
import type { ImageMarkers } from './markers.ts';
import { paintPicture } from './paintPicture.ts';

export interface MakeCardImageOptions {
  format?: 'jpg' | 'png';
  width?: number;
  height?: number;
  markers?: ImageMarkers;
  /** Raw comment text instead of markers, e.g. the in-band `mock-scenario=FailedOperation.ImageBlur`. */
  comment?: string;
  seed?: string;
}

/** Defaults: JPEG, 856x540 (ID-1 card proportions), seed 'fixture'; markers are embedded when given. */
export function makeCardImage(opts: MakeCardImageOptions = {}): Buffer {
  const { format = 'jpg', width = 856, height = 540, markers, seed = 'fixture' } = opts;
  const comment = opts.comment ?? (markers === undefined ? undefined : formatMarkers(markers));
  if (format === 'jpg') return makeJpeg({ width, height, seed, kind: 'card', comment });
  if (format !== 'png') throw new RangeError(`unsupported fixture format ${String(format)}`);
  // makeJpeg validates sizes for JPEG; PNG needs the same guard before allocating pixels.
  for (const [name, v] of [['width', width], ['height', height]] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 8192) throw new RangeError(`${name} must be an integer in 1..8192`);
  }
  return encodePng(paintPicture(width, height, seed, 'card'), width, height, comment);
}
