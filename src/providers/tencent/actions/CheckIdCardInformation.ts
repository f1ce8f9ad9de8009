import { createRandom } from '../../../identity/index.ts';
import { crop } from '../../../actions/crop.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from '../../../actions/reportedWarnings.ts';
import { warningCodes } from '../../../data/warningCodes.ts';
import { slashDate } from './dates.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * 身份证人像照片验真 (tccli api.json CheckIdCardInformation): the portrait side is read (the same person
 * IDCardOCR reads from that image, put on the identity register so the verification APIs know them),
 * then its name, number and portrait are compared with the authority's photo. Warnings asked for in
 * Config and present stop the comparison: Result FailedOperation.OcrWarningOccurred and Sim 0, the
 * card's fields still read (the tccli examples.json failure answer). Otherwise Success and a
 * similarity of the same person (70 and more, the doc's fixed threshold); a scenario's result keeps
 * the fields, with a similarity under 70 for a charged result and 0 for another. The codes are results.json's (`register.match`, `warnings.result`).
 */
export const CheckIdCardInformation: ActionHandler = async (input) => {
  const { api, params, flavor, language, image, scenario, seed, register } = input;
  const success = api.results.register?.match;
  const warned = api.results.warnings?.result;
  const person = input.person();
  await register.remember(person.idNum, person.name);
  const config = parseJsonParam(params.Config);
  const warnings = reportedWarnings(api, scenario.warnings, params);
  const random = createRandom(seed, image.key, api.meta.action);
  const blur = warningCodes(api, 'blur')[0];
  const result = scenario.result ?? (warnings.length ? warned : success);
  const entry = result === undefined ? undefined : api.results.results[result];
  if (!entry || result === undefined) throw new Error(`${api.meta.action}: result ${result} is not in results.json`);
  if (params.IsEncrypt === true || params.IsEncryptResponse === true) {
    scenario.notices.push(`${api.meta.action}: IsEncrypt and IsEncryptResponse are not emulated; the answer is in plain text`);
  }
  const lang = language ?? (flavor === 'intl' ? 'en-US' : 'zh-CN');
  return {
    Name: person.name, IdNum: person.idNum, Sex: person.sex, Nation: person.nation, Birth: slashDate(person.birth), Address: person.address,
    Portrait: crop(api, 'portrait', person.idNum),
    Warnings: warnings.join('|'),
    // "低于50分会触发模糊告警" (faceid_models.d.ts Quality): a blurry card scores under 50.
    Quality: config.Quality === true ? (blur !== undefined && warnings.includes(Number(blur)) ? random.int(20, 49) : random.int(60, 99)) : 0,
    // "推荐相似度大于等于70时可判断为同一人" (faceid_models.d.ts Sim); two decimals, as the examples' 99.76. A
    // charged failure is a comparison that fell short (IdNameMisMatch, CompareLowSimilarity); any other compared nothing.
    Sim: result === success ? random.int(7000, 9999) / 100 : entry.charged ? random.int(0, 6999) / 100 : 0,
    Result: result,
    Description: lang === 'en-US' ? entry.en : entry.zh,
    Encryption: null,
  };
};
