import { describe, expect, it } from 'vitest';
import { createPngReuse, encodeBandedPng } from '../../src/fixtureImages/encodeBandedPng.ts';
import { encodePng } from '../../src/images/encodePng.ts';
import { readMarkers } from '../../src/images/markers.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';
import { pngData as scanlines } from '../helpers/pngData.ts';

function picture(width: number, height: number, label: number): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  for (let i = 0; i < px.length; i++) px[i] = (i * 31 + (i >> 9)) & 0xff;
  // The top rows differ from picture to picture, as the fixtures' marker labels do.
  px.fill(label, 0, width * 4 * Math.min(height, 3 + (label % 5)));
  return px;
}

describe('encodeBandedPng', () => {
  it('gives the scanlines encodePng gives, picture after picture with the tail reused, and the comment', () => {
    const reuse = createPngReuse();
    for (const label of [10, 20, 20, 33, 0, 250]) {
      const px = picture(70, 40, label);
      const png = encodeBandedPng(px, 70, 40, `idcard-mock:side=BACK;n=${label}`, reuse);
      expect(sniffImage(png)).toEqual({ format: 'png', width: 70, height: 40 });
      expect(scanlines(png).equals(scanlines(encodePng(px, 70, 40))), `label ${label}`).toBe(true);
      expect(readMarkers(png)).toEqual({ side: 'BACK', n: String(label) });
    }
  });

  it('decodes to the same scanlines whatever pictures came before (the bytes depend on where the tail was cut)', () => {
    const px = picture(50, 30, 7);
    const fresh = encodeBandedPng(px, 50, 30, 'c', createPngReuse());
    const reuse = createPngReuse();
    encodeBandedPng(picture(50, 30, 1), 50, 30, 'c', reuse);
    encodeBandedPng(picture(50, 30, 2), 50, 30, 'c', reuse);
    expect(scanlines(encodeBandedPng(px, 50, 30, 'c', reuse)).equals(scanlines(fresh))).toBe(true);
    // A picture of another size starts afresh.
    expect(sniffImage(encodeBandedPng(picture(20, 10, 3), 20, 10, 'c', reuse))).toEqual({ format: 'png', width: 20, height: 10 });
  });
});
