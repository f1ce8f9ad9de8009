import { describe, expect, it } from 'vitest';
import { markedSide } from '../../src/images/markers.ts';

// The fixture writer marks `side=BACK`, hand-made fixtures may write `side=back`: every vendor's OCR reads both.
describe('markedSide', () => {
  it('reads front and back in any case, and nothing else', () => {
    expect([{ side: 'BACK' }, { side: 'back' }, { side: 'Front' }, { side: 'double' }, {}].map(markedSide)).toEqual(['back', 'back', 'front', undefined, undefined]);
  });
});
