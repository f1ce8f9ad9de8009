// The pixels behind makeJpeg and makeCardImage. A card is the mock-up the fixture images show
// (src/fixtureImages/cardPicture.ts, the project's one card painter), at the size asked for; a portrait is
// the head-and-shoulders silhouette of paint.ts filling the picture.
import { cardPicture } from '../fixtureImages/cardPicture.ts';
import { paintBankCardNumber } from '../fixtureImages/paintBankCard.ts';
import { paintPortrait, type Canvas } from './paint.ts';

/** What a picture shows: an ID card, a head shot, a bank card, or a bank card's number strip (its seed is the number it shows). */
export type PictureKind = 'card' | 'portrait' | 'bankcard' | 'bankcard-number';

/** RGBA pixels (alpha 255) of the synthetic picture; deterministic for the same inputs. */
export function paintPicture(width: number, height: number, seed: string, kind: PictureKind): Buffer {
  if (kind === 'card') return cardPicture('mainland-front', seed, width, height).data;
  if (kind === 'bankcard') return cardPicture('bankcard', seed, width, height).data;
  const canvas: Canvas = { width, height, data: Buffer.alloc(width * height * 4, 255) };
  if (kind === 'bankcard-number') paintBankCardNumber(canvas, seed);
  else paintPortrait(canvas, { x0: 0, y0: 0, x1: width, y1: height }, seed);
  return canvas.data;
}
