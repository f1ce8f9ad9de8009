import { makeJpeg } from '../images/makeJpeg.ts';
import type { ApiDefinition } from '../data/types.ts';

/**
 * Crops as Base64 text by API, kind and seed (the person's ID number). makeJpeg keeps the JPEG bytes,
 * but every Huawei answer carried two crops and turned both into Base64 again; the same person's crop is
 * the same text. Bounded, so a run over many people does not grow it.
 */
const made = new Map<string, string>();
const MADE_MAX = 128;

/** A crop the API returns (head shot or card), Base64 JPEG, at the size its action.json `crops` gives. */
export function crop(api: ApiDefinition, kind: 'portrait' | 'card', seed: string): string {
  const size = api.meta.crops?.[kind];
  if (!size) throw new Error(`${api.meta.action}: action.json has no crops.${kind}`);
  const id = `${size.width}x${size.height}\0${kind}\0${seed}`;
  let jpeg = made.get(id);
  if (jpeg === undefined) {
    jpeg = makeJpeg({ ...size, kind, seed }).toString('base64');
    if (made.size >= MADE_MAX) made.delete(made.keys().next().value!);
    made.set(id, jpeg);
  }
  return jpeg;
}
