import { makeJpeg } from '../images/makeJpeg.ts';
import type { ApiDefinition } from '../data/types.ts';

/**
 * A crop the API returns (head shot, card, a bank card's number strip), Base64 JPEG, at the size its
 * action.json `crops` gives; the card is the kind the API reads (action.json `image.card`).
 */
export function crop(api: ApiDefinition, kind: 'portrait' | 'card' | 'cardNumber', seed: string): string {
  const size = api.meta.crops?.[kind];
  if (!size) throw new Error(`${api.meta.action}: action.json has no crops.${kind}`);
  const bank = api.meta.image?.card === 'bankcard';
  const picture = kind === 'portrait' ? 'portrait' : kind === 'cardNumber' ? 'bankcard-number' : bank ? 'bankcard' : 'card';
  return makeJpeg({ ...size, kind: picture, seed }).toString('base64');
}
