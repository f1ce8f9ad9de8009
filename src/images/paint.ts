// Shapes for the synthetic pictures, painted into an RGBA buffer: the card mock-ups of
// src/fixtureImages (cardPicture) and the portrait crops (paintPicture.ts). Shapes are flat-coloured
// rectangles and ellipses so the result compresses well and stays byte-identical for the same inputs.
import { createHash } from 'node:crypto';

export type Rgb = readonly [number, number, number];
export interface Box { x0: number; y0: number; x1: number; y1: number } // pixel bounds, x1/y1 exclusive

export interface Canvas { width: number; height: number; data: Buffer }

/** Deterministic byte stream from the seed (sha256 is stable across platforms, unlike Math.random). */
function seedBytes(seed: string, kind: string): (lo: number, hi: number) => number {
  const bytes = createHash('sha256').update(`${kind}\0${seed}`).digest();
  let i = 0;
  return (lo, hi) => lo + ((bytes[i++ % bytes.length] ?? 0) % (hi - lo + 1));
}

/** Hue (0..359) to a muted colour with the given saturation/value in 0..1. */
function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h / 60) % 6;
    return Math.round(255 * (v - v * s * Math.max(0, Math.min(k, 4 - k, 1))));
  };
  return [f(5), f(3), f(1)];
}

export function fillRect(c: Canvas, b: Box, rgb: Rgb): void {
  const x0 = Math.max(0, Math.round(b.x0)), x1 = Math.min(c.width, Math.round(b.x1));
  const y0 = Math.max(0, Math.round(b.y0)), y1 = Math.min(c.height, Math.round(b.y1));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = (y * c.width + x) * 4;
      c.data[p] = rgb[0]; c.data[p + 1] = rgb[1]; c.data[p + 2] = rgb[2];
    }
  }
}

/** Ellipse clipped to `clip` (portraits are painted inside the card's photo box). */
export function fillEllipse(c: Canvas, cx: number, cy: number, rx: number, ry: number, rgb: Rgb, clip: Box): void {
  const y0 = Math.max(clip.y0, Math.floor(cy - ry)), y1 = Math.min(clip.y1, Math.ceil(cy + ry));
  for (let y = y0; y < y1; y++) {
    const dy = (y + 0.5 - cy) / ry;
    if (dy * dy >= 1) continue;
    const half = rx * Math.sqrt(1 - dy * dy);
    fillRect(c, { x0: Math.max(clip.x0, cx - half), x1: Math.min(clip.x1, cx + half), y0: y, y1: y + 1 }, rgb);
  }
}

/** Head-and-shoulders silhouette on a plain light background, filling `box`. */
export function paintPortrait(c: Canvas, box: Box, seed: string): void {
  const rnd = seedBytes(seed, 'portrait');
  const w = box.x1 - box.x0, h = box.y1 - box.y0, cx = box.x0 + w / 2;
  const skin: Rgb = [rnd(190, 235), rnd(150, 190), rnd(120, 160)];
  fillRect(c, box, [rnd(225, 250), rnd(228, 250), rnd(230, 252)]);
  fillEllipse(c, cx, box.y0 + h * 1.02, w * 0.46, h * 0.3, hsv(rnd(0, 359), 0.5, 0.45), box); // shoulders
  fillRect(c, { x0: cx - w * 0.08, x1: cx + w * 0.08, y0: box.y0 + h * 0.5, y1: box.y0 + h * 0.76 }, skin); // neck
  const headY = box.y0 + h * 0.4, rx = Math.min(w * 0.22, h * 0.17), ry = h * 0.22;
  fillEllipse(c, cx, headY - ry * 0.12, rx * 1.08, ry * 0.98, [rnd(20, 70), rnd(15, 50), rnd(10, 40)], box); // hair
  fillEllipse(c, cx, headY + ry * 0.08, rx, ry * 0.9, skin, box); // face
}
