import { decode } from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { createJpegReuse, encodeJpeg } from '../../src/images/encodeJpeg.ts';
import { huffmanTable } from '../../src/images/huffmanTable.ts';
import { formatMarkers } from '../../src/images/markerText.ts';
import { readMarkers } from '../../src/images/markers.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';

/** Smooth gradients with a sharp-edged square: exercises flat blocks, AC terms and edges. */
function picture(width: number, height: number, shift = 0): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 4;
      const inSquare = x > width / 4 && x < width / 2 && y > height / 4 && y < height / 2;
      px.set(inSquare ? [200, 30, 40, 255] : [(x * 255) / width, (y * 255) / height, (128 + shift) & 0xff, 255], p);
    }
  }
  return px;
}

const meanError = (a: Uint8Array, b: Uint8Array): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i]! - b[i]!);
  return sum / ((a.length / 4) * 3);
};

describe('encodeJpeg', () => {
  it('writes baseline JPEGs that decode to the picture, at any size (partial MCUs included)', () => {
    for (const [w, h] of [[1, 1], [8, 8], [37, 23], [200, 130]] as const) {
      const px = picture(w, h);
      const jpeg = encodeJpeg(px, w, h);
      expect(sniffImage(jpeg)).toEqual({ format: 'jpg', width: w, height: h });
      const back = decode(jpeg, { useTArray: true });
      expect([back.width, back.height]).toEqual([w, h]);
      // Chroma is kept at half resolution (4:2:0), which blurs the square's colour edges most in tiny pictures.
      expect(meanError(back.data, px), `${w}x${h}`).toBeLessThan(w < 40 ? 12 : 3);
    }
  });

  it('embeds the comment where readMarkers finds it', () => {
    const comment = formatMarkers({ card: 'mainland', side: 'BACK' });
    expect(readMarkers(encodeJpeg(picture(64, 64), 64, 64, { comment }))).toEqual({ card: 'mainland', side: 'BACK' });
  });

  it('gives the same bytes with and without reuse, whichever bands changed', () => {
    const reuse = createJpegReuse();
    for (const shift of [0, 0, 7]) {
      const px = picture(120, 70);
      px.fill(shift * 9, 0, 120 * 4 * 5); // the first rows change from one image to the next, as a marker label does
      expect(encodeJpeg(px, 120, 70, { reuse, comment: 'x' }).equals(encodeJpeg(px, 120, 70, { comment: 'x' }))).toBe(true);
    }
    // A picture of another size or quality is not confused with the remembered one.
    const small = picture(40, 40);
    expect(encodeJpeg(small, 40, 40, { reuse, quality: 60 }).equals(encodeJpeg(small, 40, 40, { quality: 60 }))).toBe(true);
  });

  it('rejects sizes, qualities and buffers it cannot encode', () => {
    expect(() => encodeJpeg(new Uint8Array(4), 0, 1)).toThrow(RangeError);
    expect(() => encodeJpeg(new Uint8Array(4), 1, 1, { quality: 0 })).toThrow(RangeError);
    expect(() => encodeJpeg(new Uint8Array(4), 2, 2)).toThrow(RangeError);
  });
});

describe('huffmanTable', () => {
  it('gives prefix-free codes of at most 16 bits, none all ones, to exactly the symbols that occur', () => {
    // Fibonacci counts make an unlimited Huffman tree about as deep as there are symbols.
    const freq = new Uint32Array(256);
    let [a, b] = [1, 1];
    for (let s = 0; s < 30; s++) { freq[s * 3] = a; [a, b] = [b, Math.min(a + b, 1e9)]; }
    const t = huffmanTable(freq);
    const used = [...freq.keys()].filter((s) => freq[s]! > 0);
    expect(t.values.slice().sort((x, y) => x - y)).toEqual(used);
    expect([...t.bits].reduce((x, y) => x + y, 0)).toBe(used.length);
    const codes = used.map((s) => t.code[s]!.toString(2).padStart(t.size[s]!, '0'));
    for (const c of codes) {
      expect(c.length).toBeLessThanOrEqual(16);
      expect(c).not.toMatch(/^1+$/);
      for (const d of codes) if (c !== d) expect(d.startsWith(c)).toBe(false);
    }
    // More frequent symbols never get longer codes.
    const byFreq = used.slice().sort((x, y) => freq[y]! - freq[x]!);
    for (let i = 1; i < byFreq.length; i++) expect(t.size[byFreq[i]!]!).toBeGreaterThanOrEqual(t.size[byFreq[i - 1]!]!);
  });

  it('handles a single symbol (a picture of one colour)', () => {
    const freq = new Uint32Array(256);
    freq[0] = 500;
    const t = huffmanTable(freq);
    expect(t.values).toEqual([0]);
    expect(t.size[0]).toBe(1);
    expect(t.code[0]).toBe(0);
  });
});
