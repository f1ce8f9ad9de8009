/**
 * Where the fields sit on a second-generation ID card, as fractions of the card
 * (x1, y1, x2, y2), so text_location and portrait_location scale with the uploaded image.
 */
type Rect = readonly [number, number, number, number];

const FRONT: Record<string, Rect> = {
  name: [0.17, 0.1, 0.4, 0.19],
  sex: [0.17, 0.22, 0.25, 0.3],
  ethnicity: [0.37, 0.22, 0.5, 0.3],
  birth: [0.17, 0.33, 0.55, 0.41],
  address: [0.17, 0.45, 0.62, 0.66],
  number: [0.32, 0.8, 0.9, 0.89],
};
const BACK: Record<string, Rect> = {
  issue: [0.38, 0.72, 0.85, 0.79],
  valid_from: [0.38, 0.83, 0.6, 0.9],
  valid_to: [0.62, 0.83, 0.85, 0.9],
};
const PORTRAIT: Rect = [0.62, 0.12, 0.92, 0.7];

export type Point = [number, number];
export type Quad = [Point, Point, Point, Point];

/** Which part of the image one card covers: all of it, or the top or bottom half of a double_side photo. */
export type Placement = 'whole' | 'top' | 'bottom';

export interface Size { width: number; height: number }

/** Four corners, clockwise from the top left: the order the vendor names ("左上、右上、右下、左下"). */
function quad(r: Rect, size: Size, placement: Placement): Quad {
  const top = placement === 'bottom' ? 0.5 : 0;
  const scaleY = placement === 'whole' ? 1 : 0.5;
  const x = (f: number): number => Math.round(f * size.width);
  const y = (f: number): number => Math.round((top + f * scaleY) * size.height);
  return [[x(r[0]), y(r[1])], [x(r[2]), y(r[1])], [x(r[2]), y(r[3])], [x(r[0]), y(r[3])]];
}

export function textLocation(side: 'front' | 'back', size: Size, placement: Placement): Record<string, Quad> {
  const rects = side === 'front' ? FRONT : BACK;
  return Object.fromEntries(Object.entries(rects).map(([k, r]) => [k, quad(r, size, placement)]));
}

export function portraitLocation(size: Size, placement: Placement): Quad {
  return quad(PORTRAIT, size, placement);
}
