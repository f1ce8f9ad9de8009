import { parseJsonObject } from '../../pipeline/parseJsonObject.ts';
import type { Decoded, RawRequest } from '../Provider.ts';

/** A Huawei request is named by its method and path (matched against each action.json `http`). */
export type HuaweiDecoded = Decoded<{ method: string; path: string }>;

/** Every Huawei API is plain REST (APIG): one style, one body limit (provider.json `bodyLimits.rest`). */
export const styleOf = (_req: RawRequest): string => 'rest';

/** Nothing to read before the body: Huawei messages are English, and there is one flavour. */
export function begin(): void {}

/**
 * The method and path name the API (findApi matches them against each action.json `http`); the
 * parameters are the JSON body of a POST, the query of a GET. A body that is not a JSON object is
 * refused with the code the API names for it (ModelArts.4105 for OCR, IAM.400 for IAM), so it is
 * parsed in the validate stage, when the API is known.
 */
export async function decode(req: RawRequest, body: Buffer): Promise<HuaweiDecoded> {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  return {
    style: 'rest',
    target: { method: req.method, path },
    pathParams: {},
    params: () => (req.method === 'GET' ? Object.fromEntries(new URLSearchParams(rawQuery)) : parseJsonObject(body)),
    flat: req.method === 'GET',
    method: req.method, url: req.url, rawQuery, headers: req.headers, body,
  };
}
