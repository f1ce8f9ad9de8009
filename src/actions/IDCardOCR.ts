import { MockError } from '../errors.ts';
import { personFor, createRandom } from '../identity/index.ts';
import { makeJpeg } from '../images/makeJpeg.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from './reportedWarnings.ts';
import { slashDate, validDate } from './tencentDates.ts';
import type { ActionHandler } from './types.ts';

const REFLECT_POSITIONS = ['NationalEmblem', 'Portrait', 'RecognitionField', 'Others'] as const;

/**
 * IDCardOCR (ocr 2018-11-19): the person in the image, photo side (FRONT) or emblem side (BACK).
 * The side is CardSide, else the fixture image's marker, else FRONT; Config.MultiCardDetect reads
 * both sides from one image. Fields of the other side stay "" (tccli examples.json).
 */
export const IDCardOCR: ActionHandler = ({ api, params, image, scenario, runtime }) => {
  const config = parseJsonParam(params.Config);
  const asked = typeof params.CardSide === 'string' && params.CardSide !== '' ? params.CardSide : undefined;
  const marked = typeof image.markers.side === 'string' ? image.markers.side.toUpperCase() : undefined;
  if (asked && marked && asked !== marked) throw new MockError(api.meta.image!.errors.wrongSide!);
  const side = asked ?? marked ?? 'FRONT';
  const front = side === 'FRONT' || config.MultiCardDetect === true;
  const back = side === 'BACK' || config.MultiCardDetect === true;

  const person = personFor(image.key, runtime.config.seed, new Date(runtime.config.now()));
  const random = createRandom(runtime.config.seed, image.key, 'IDCardOCR');
  const fields: Record<string, unknown> = {};
  if (front) {
    runtime.register.remember(person.idNum, person.name);
    Object.assign(fields, {
      Name: person.name, Sex: person.sex, Nation: person.nation, Birth: slashDate(person.birth), Address: person.address, IdNum: person.idNum,
    });
  }
  if (back) Object.assign(fields, { Authority: person.authority, ValidDate: validDate(person.validFrom, person.validTo) });

  const warnings = reportedWarnings(api, scenario.warnings, config, params);
  const advanced: Record<string, unknown> = { WarnInfos: warnings };
  if (config.CropIdCard === true) {
    advanced.IdCard = makeJpeg({ width: 428, height: 270, kind: 'card', seed: `${person.idNum}:${side}` }).toString('base64');
  }
  if (config.CropPortrait === true && front) {
    advanced.Portrait = makeJpeg({ width: 179, height: 220, kind: 'portrait', seed: person.idNum }).toString('base64');
  }
  if (config.Quality === true) advanced.Quality = random.int(60, 99);
  if (config.BorderCheckWarn === true) {
    advanced.BorderCodeValue = warnings.includes(-9101) || warnings.includes(-9105) ? random.int(60, 95) : random.int(5, 40);
  }
  const reflectDetail = config.ReflectWarn === true && params.EnableReflectDetail === true && warnings.includes(-9107);
  return {
    ...fields,
    AdvancedInfo: advanced,
    ReflectDetailInfos: reflectDetail ? [{ Position: random.pick(REFLECT_POSITIONS) }] : [],
  };
};
