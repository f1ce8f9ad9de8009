import { describe, expect, it } from 'vitest';
import { hanGlyph } from '../../src/fixtureImages/hanGlyphs.ts';
import { latinGlyph } from '../../src/fixtureImages/latinFont.ts';
import { textMask, textWidth } from '../../src/fixtureImages/textMask.ts';

const ink = (text: string, px: number): number => textMask(text, { px }).cov.reduce((a, b) => a + b, 0);

describe('textMask', () => {
  it('draws the card labels and the mark from the stroke font, the rest from the bitmap font', () => {
    for (const ch of '样本姓名性别民族出生年月日住址公民身份号码中华人民共和国居民身份证签发机关有效期限') expect(hanGlyph(ch), ch).toBeDefined();
    expect(hanGlyph('A')).toBeUndefined();
    expect(textWidth('样本', 32)).toBeGreaterThan(textWidth('AB', 32));
    // A character neither font has is drawn as '?', never silently left out.
    expect(latinGlyph('€')).toEqual(latinGlyph('?'));
  });

  it('gives coverage between 0 and 1, more ink for more text, none for spaces', () => {
    const m = textMask('姓名 Ag-9', { px: 24 });
    expect(m.width).toBe(textWidth('姓名 Ag-9', 24));
    expect(m.height).toBe(30);
    expect(Math.min(...m.cov)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...m.cov)).toBeLessThanOrEqual(1);
    expect(ink('   ', 24)).toBe(0);
    expect(ink('样本', 48)).toBeGreaterThan(ink('样本', 24));
    // Bitmap cells are whole pixels at px = 8 * n: 'I' is 7 + 2 + 2 cells of n x n.
    expect(ink('I', 16)).toBe(11 * 4);
  });
});
