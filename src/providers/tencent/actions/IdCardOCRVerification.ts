import { createRandom } from '../../../identity/index.ts';
import { chinaDate, formatCompact } from '../../../identity/ymd.ts';
import { decryptParams } from './decryptParams.ts';
import { crop } from '../../../actions/crop.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from '../../../actions/reportedWarnings.ts';
import { warningCodes } from '../../../data/warningCodes.ts';
import { slashDate } from './dates.ts';
import { verificationResult } from '../../../actions/verificationResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * Identity verification against the "ID database" (the identity register), shared by the FaceID
 * verification APIs that name it in action.json (`"handler": "IdCardOCRVerification"`):
 * IdCardOCRVerification verifies Name+IdCard, or else the person the portrait-side image shows (the
 * same person IDCardOCR reads from that image: personFor(image.key)); IdCardVerification takes no
 * image. The pipeline skips the image when Name and IdCard are both sent (action.json `skipWhen`),
 * so `image.absent` means "verify what was typed". Mismatches are success answers with Result and
 * Description, never errors.
 */
export const IdCardOCRVerification: ActionHandler = async (input) => {
  const { api, params, flavor, language, image, scenario, seed, now, register, strictRegister } = input;
  const typed = image.absent === true;
  let name = typed ? String(params.Name ?? '') : '';
  let idCard = typed ? String(params.IdCard ?? '') : '';
  let opaque = false;
  const d = decryptParams(params, input.dataDir);
  if (d) {
    if (d.status === 'ok' && typed) {
      name = d.values.Name ?? name;
      idCard = d.values.IdCard ?? idCard;
    }
    opaque = d.status === 'opaque' && typed;
  }

  const fields: Record<string, unknown> = { Name: typed ? params.Name : '', IdCard: typed ? params.IdCard : '' };
  if (!typed) {
    const person = input.person();
    await register.remember(person.idNum, person.name);
    name = person.name;
    idCard = person.idNum;
    const config = parseJsonParam(params.Config);
    const warnings = reportedWarnings(api, scenario.warnings, params);
    const random = createRandom(seed, image.key, api.meta.action);
    const blur = warningCodes(api, 'blur')[0];
    Object.assign(fields, {
      Name: person.name, IdCard: person.idNum, Sex: person.sex, Nation: person.nation, Birth: slashDate(person.birth), Address: person.address,
      Portrait: crop(api, 'portrait', person.idNum),
      Warnings: warnings.join('|'),
      // "低于50分会触发模糊告警" (faceid_models.d.ts Quality): a blurry card scores under 50.
      Quality: config.Quality === true ? (blur !== undefined && warnings.includes(Number(blur)) ? random.int(20, 49) : random.int(60, 99)) : 0,
    });
  }

  const register_ = api.results.register;
  const result = scenario.result ?? (opaque
    ? (strictRegister ? register_?.notOnRecordStrict : register_?.notOnRecord)
    : await verificationResult({ name, idCard, register, results: api.results, strict: strictRegister, scope: api.meta.action, day: formatCompact(chinaDate(new Date(now))) }));
  const entry = result === undefined ? undefined : api.results.results[result];
  if (!entry) throw new Error(`${api.meta.action}: result ${result} is not in results.json`);
  // Description follows the language the client asked for (Python sends zh-CN, the intl SDKs en-US);
  // when it asked none (Node), the flavour, as the vendor examples do: Chinese at home, English on intl.
  const lang = language ?? (flavor === 'intl' ? 'en-US' : 'zh-CN');
  return { ...fields, Result: result, Description: lang === 'en-US' ? entry.en : entry.zh };
};
