import { MockError } from '../../../errors.ts';
import { createRandom, type Random } from '../../../identity/index.ts';
import { isoDate } from '../../../identity/idCardChecks.ts';
import { passportFor, type Passport } from '../../../identity/documents/passportFor.ts';
import type { ActionHandler } from '../../../actions/types.ts';

type Fields = Record<string, unknown>;

/** What the Chinese full-field reader prints for the nationality (the API page's example). */
const CHINESE = 'CHINESE';
const CHINA = 'CHN';

/**
 * RecognizePassport (OCR v2): the passport in the image, read by one of the vendor's two readers
 * (API page, https://support.huaweicloud.com/api-ocr/ocr_03_0106.html): a Chinese passport, unless
 * `country_code` asks for GENERAL or another state, by the full-field reader (13 fields and
 * extra_info.local_language); every other passport by the machine-readable-zone reader (the 7 fields
 * of the MRZ and its two lines, machine_code and machine_code2). `country_code: CHN` on a foreign
 * passport is the image the reader cannot read (action.json wrongCard). confidence has a 0-1 score for
 * each field returned.
 */
export const RecognizePassport: ActionHandler = ({ api, params, image, seed, now }) => {
  const p = passportFor(image.key, seed, new Date(now));
  const asked = typeof params.country_code === 'string' ? params.country_code : undefined;
  if (asked === CHINA && p.issuingState !== CHINA) throw MockError.code(api.meta.image!.errors.wrongCard!);
  const random = createRandom(seed, image.key, api.meta.action);
  const fullField = p.chinese !== undefined && (asked === undefined || asked === CHINA);
  const result = fullField ? chineseFields(p) : mrzFields(p);
  return { result: { ...result, confidence: scores(Object.keys(result).filter((k) => !k.startsWith('machine_code') && k !== 'extra_info'), random) } };
};

function mrzFields(p: Passport): Fields {
  return {
    country_code: p.issuingState, surname: p.surname, given_name: p.givenNames, passport_number: p.number,
    date_of_birth: isoDate(p.birth), sex: p.sex, date_of_expiry: isoDate(p.expiry),
    machine_code: p.mrz[0], machine_code2: p.mrz[1], extra_info: {},
  };
}

function chineseFields(p: Passport): Fields {
  const c = p.chinese!;
  return {
    passport_type: p.type, country_code: p.issuingState, passport_number: p.number, nationality: CHINESE,
    surname: p.surname, given_name: p.givenNames, sex: p.sex,
    date_of_birth: isoDate(p.birth), date_of_expiry: isoDate(p.expiry), date_of_issue: isoDate(p.issue),
    place_of_birth: c.placeOfBirthEn, place_of_issue: c.placeOfIssueEn, issuing_authority: c.authorityEn,
    extra_info: { local_language: { name: c.name, sex: c.sex, place_of_birth: c.placeOfBirth, place_of_issue: c.placeOfIssue, issuing_authority: c.authority, nationality: c.nationality } },
  };
}

/** Scores as the examples show them: four decimals, mostly above 0.95. */
function scores(keys: string[], random: Random): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [k, random.int(9500, 9999) / 10000]));
}
