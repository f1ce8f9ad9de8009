import { MockError } from '../errors.ts';
import { personFor, createRandom } from '../identity/index.ts';
import { chinaDate, formatCompact } from '../identity/ymd.ts';
import { makeJpeg } from '../images/makeJpeg.ts';
import { decryptFields, type EncryptionParam } from '../encryption/decryptFields.ts';
import { testKeyPair } from '../encryption/testKeyPair.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from './reportedWarnings.ts';
import { slashDate } from './tencentDates.ts';
import { verificationResult } from './verificationResult.ts';
import type { ActionHandler } from './types.ts';

/**
 * IdCardOCRVerification (faceid 2018-03-01): verifies Name+IdCard, or else the person the portrait
 * side image shows (the same person IDCardOCR reads from that image: personFor(image.key)). The
 * pipeline skips the image when Name and IdCard are both sent (action.json `skipWhen`), so
 * `image.absent` means "verify what was typed". Mismatches are success answers with Result and
 * Description, never errors (tencent-cloud-api3.md section 1.3, Surprise 8).
 */
export const IdCardOCRVerification: ActionHandler = ({ api, params, flavor, language, image, scenario, runtime }) => {
  const { config: cfg, register } = runtime;
  const typed = image.absent === true;
  let name = typed ? String(params.Name) : '';
  let idCard = typed ? String(params.IdCard) : '';
  let opaque = false;
  const enc = params.Encryption as EncryptionParam | undefined;
  if (enc) {
    // A field listed as encrypted must have been sent (seed 003, InvalidParameter.UnsupportEncryptField).
    if (enc.EncryptList.some((f) => params[f] === undefined)) throw new MockError('InvalidParameter.UnsupportEncryptField');
    const d = decryptFields(enc, params, testKeyPair(cfg.dataDir).privateKey);
    if (d.status === 'failed') throw new MockError('FailedOperation.DecryptSystemError');
    if (d.status === 'ok' && typed) {
      name = d.values.Name ?? name;
      idCard = d.values.IdCard ?? idCard;
    }
    opaque = d.status === 'opaque' && typed;
  }

  const fields: Record<string, unknown> = { Name: typed ? params.Name : '', IdCard: typed ? params.IdCard : '' };
  if (!typed) {
    const person = personFor(image.key, cfg.seed, new Date(cfg.now()));
    register.remember(person.idNum, person.name);
    name = person.name;
    idCard = person.idNum;
    const config = parseJsonParam(params.Config);
    const warnings = reportedWarnings(api, scenario.warnings, config, params);
    const random = createRandom(cfg.seed, image.key, api.meta.action);
    Object.assign(fields, {
      Name: person.name, IdCard: person.idNum, Sex: person.sex, Nation: person.nation, Birth: slashDate(person.birth), Address: person.address,
      Portrait: makeJpeg({ width: 179, height: 220, kind: 'portrait', seed: person.idNum }).toString('base64'),
      Warnings: warnings.join('|'),
      // "低于50分会触发模糊告警" (faceid_models.d.ts Quality): a blurry card scores under 50.
      Quality: config.Quality === true ? (warnings.includes(-8001) ? random.int(20, 49) : random.int(60, 99)) : 0,
    });
  }

  const result = scenario.result ?? (opaque
    ? (cfg.strictRegister ? '-5' : '0')
    : verificationResult({
      name, idCard, register, limits: api.results.limits, strict: cfg.strictRegister, day: formatCompact(chinaDate(new Date(cfg.now()))),
    }));
  const entry = api.results.results[result]!;
  // Description follows the language the client asked for (Python sends zh-CN, the intl SDKs en-US);
  // when it asked none (Node), the flavour, as the vendor examples do: Chinese at home, English on intl.
  const lang = language ?? (flavor === 'intl' ? 'en-US' : 'zh-CN');
  return { ...fields, Result: result, Description: lang === 'en-US' ? entry.en : entry.zh };
};
