import { createRandom } from '../../../identity/index.ts';
import { crop } from '../../../actions/crop.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * 活体人脸比对 (tccli api.json LivenessCompare): is the video a live person, and the same person as the
 * photo? The pipeline has checked both inputs (action.json `image`, and `extraImages.video`: the
 * container mp4/avi/flv and the size). A video that passes is live and the same person: Result
 * Success (results.json `register.match`), a similarity of 70 or more (the doc's fixed threshold),
 * its best frame, and BestFrameNum frames when Optional asks (the tccli examples.json answers).
 * A scenario's result keeps the best frame; its similarity is under 70 for a charged result (a
 * comparison made) and 0 for another. Seeded by the photo and the video, so the same pair answers the same.
 */
export const LivenessCompare: ActionHandler = (input) => {
  const { api, params, flavor, language, image, images, scenario, seed } = input;
  const success = api.results.register?.match;
  const result = scenario.result ?? success;
  const entry = result === undefined ? undefined : api.results.results[result];
  if (!entry || result === undefined) throw new Error(`${api.meta.action}: result ${result} is not in results.json`);
  const pair = `${image.key}:${images.video?.key ?? 'none'}`;
  const random = createRandom(seed, pair, api.meta.action);
  const frames = Number(parseJsonParam(params.Optional).BestFrameNum ?? 0);
  const lang = language ?? (flavor === 'intl' ? 'en-US' : 'zh-CN');
  return {
    Result: result,
    Description: lang === 'en-US' ? entry.en : entry.zh,
    // "推荐相似度大于等于70时可判断为同一人" (faceid_models.d.ts Sim). A charged failure is a comparison that
    // fell short (CompareLowSimilarity); any other failure compared nothing: 0, as the failure example.
    Sim: result === success ? random.int(7000, 9999) / 100 : entry.charged ? random.int(0, 6999) / 100 : 0,
    BestFrameBase64: crop(api, 'portrait', pair),
    BestFrameList: Array.from({ length: frames }, (_, i) => crop(api, 'portrait', `${pair}:${i}`)),
  };
};
