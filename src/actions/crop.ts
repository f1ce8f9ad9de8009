import { makeJpeg } from '../images/makeJpeg.ts';
import type { ApiDefinition } from '../data/types.ts';

/** A crop the API returns (head shot or card), Base64 JPEG, at the size its action.json `crops` gives. */
export function crop(api: ApiDefinition, kind: 'portrait' | 'card', seed: string): string {
  const size = api.meta.crops?.[kind];
  if (!size) throw new Error(`${api.meta.action}: action.json has no crops.${kind}`);
  return makeJpeg({ ...size, kind, seed }).toString('base64');
}
