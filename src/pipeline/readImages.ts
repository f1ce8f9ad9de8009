import { resolveImage, type ImageInput } from './resolveImage.ts';
import type { ApiDefinition, Flavor, ProviderFacts } from '../data/types.ts';

export interface Images {
  /** The API's main image (action.json `image`); `absent` when it has none. */
  image: ImageInput;
  /** Its further images by name (action.json `extraImages`). */
  extra: Record<string, ImageInput>;
}

/** Reads every image the API takes, with its rules from action.json; problems are kept, not thrown (a named scenario wins over them). */
export async function readImages(api: ApiDefinition, params: Record<string, unknown>, flavor: Flavor, fetchImageUrls: boolean, facts: ProviderFacts): Promise<Images> {
  const timeout = facts.limits.downloadTimeoutMs ?? 3000;
  const image: ImageInput = api.meta.image ? await resolveImage(api.meta.image, params, flavor, fetchImageUrls, timeout) : { key: 'none', markers: {}, absent: true };
  const extra: Record<string, ImageInput> = {};
  for (const [name, rules] of Object.entries(api.meta.extraImages ?? {})) extra[name] = await resolveImage(rules, params, flavor, fetchImageUrls, timeout);
  return { image, extra };
}
