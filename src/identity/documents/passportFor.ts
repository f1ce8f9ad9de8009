// Deterministic fake passport holder: the same (key, seed) is the same passport on any day (drawn as
// of DRAWN_AS_OF; an expired passport is renewed on `now`). Chinese ordinary e-passports for most
// images (the mainland person of the same image, name in pinyin), the others from the real issuing
// states of data/issuingStates.json. The MRZ is ICAO 9303 TD3 with every check digit (mrz.ts).
//
// - Chinese passports: numbers E + 8 digits, and E + a letter + 7 digits since the first series ran out
//   (2017); valid 10 years from 16, 5 years under 16 (护照法 art. 5, 中华人民共和国普通护照和出入境通行证
//   签发管理办法); the MRZ document code is PO, the state's letter for ordinary passports. Issued by the
//   National Immigration Administration since it took over on 2018-04-02, before by the Ministry of
//   Public Security's Exit & Entry Administration.
// - Others: the state's number shape, 10 years' validity for adults (as USA, GBR, CAN, AUS, DEU, FRA,
//   JPN, KOR and SGP issue them), document code P<.
import { personFor } from '../personFor.ts';
import { createRandom } from '../random.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { addYears, chinaDate, compareYmd, fromEpochDay, toEpochDay, type YMD } from '../ymd.ts';
import { foreignName, fromShape, issuingStates, type IssuingState } from './issuingStates.ts';
import { td3Lines } from './mrz.ts';
import { pinyinName, pinyinPlace } from './pinyinName.ts';

export interface Passport {
  /** Huawei passport_type: P (ordinary). */
  type: 'P';
  issuingState: string;
  nationality: string;
  number: string;
  surname: string;
  givenNames: string;
  sex: 'M' | 'F';
  birth: YMD;
  issue: YMD;
  expiry: YMD;
  mrz: [string, string];
  /** Chinese passports only: what the data page prints in Chinese and the places in pinyin. */
  chinese?: { name: string; sex: '男' | '女'; placeOfBirth: string; placeOfBirthEn: string; placeOfIssue: string; placeOfIssueEn: string; authority: string; authorityEn: string; nationality: string };
}

const CHINESE_SHARE = 0.6;
const NIA_FROM: YMD = { year: 2018, month: 4, day: 2 };
const SECOND_SERIES: YMD = { year: 2017, month: 1, day: 1 };

export function passportFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): Passport {
  const random = createRandom(seed, 'passport', key);
  const chinese = random.next() < CHINESE_SHARE;
  if (chinese) {
    const p = personFor(key, seed, now, asOf);
    const { surname, givenName } = pinyinName(p.surname, p.givenName);
    const { issue, expiry } = dates(random.int(1, 3650), p.birth, now, asOf);
    const number = compareYmd(issue, SECOND_SERIES) >= 0 && random.next() < 0.7 ? fromShape(random, 'EA9999999') : fromShape(random, 'E99999999');
    const sex = p.sex === '男' ? 'M' : 'F';
    // The place of issue is most often the province one lives in; here, the one of the ID card's division.
    const issueProvince = p.division.province;
    const birthProvince = random.next() < 0.8 ? issueProvince : random.pick(['广东省', '四川省', '河南省', '山东省', '湖南省', '江苏省']);
    const shared = { type: 'P' as const, issuingState: 'CHN', nationality: 'CHN', number, surname, givenNames: givenName, sex: sex as 'M' | 'F', birth: p.birth, issue, expiry };
    return {
      ...shared,
      mrz: td3Lines({ documentCode: 'PO', ...shared }),
      chinese: {
        name: p.name, sex: p.sex,
        placeOfBirth: shortProvince(birthProvince), placeOfBirthEn: pinyinPlace(birthProvince),
        placeOfIssue: shortProvince(issueProvince), placeOfIssueEn: pinyinPlace(issueProvince), nationality: '中国',
        ...(compareYmd(issue, NIA_FROM) >= 0
          ? { authority: '国家移民管理局', authorityEn: 'National Immigration Administration, PRC' }
          : { authority: '公安部出入境管理局', authorityEn: 'MPS Exit & Entry Administration' }),
      },
    };
  }
  const state: IssuingState = random.pick(issuingStates());
  const sex: 'M' | 'F' = random.next() < 0.5 ? 'M' : 'F';
  const name = foreignName(random, state, sex);
  const birth = fromEpochDay(random.int(toEpochDay(addYears(asOf, -70)), toEpochDay(addYears(asOf, -18))));
  const { issue, expiry } = dates(random.int(1, 3650), birth, now, asOf);
  const shared = { type: 'P' as const, issuingState: state.alpha3, nationality: state.alpha3, number: fromShape(random, random.pick(state.passportNumber)), surname: name.surname[0], givenNames: name.given[0], sex, birth, issue, expiry };
  return { ...shared, mrz: td3Lines({ documentCode: 'P', ...shared }) };
}

/** Issued `daysAgo` before asOf (not before 16), 10 years' validity; renewed on its expiry day while expired on `now`. */
function dates(daysAgo: number, birth: YMD, now: Date, asOf: YMD): { issue: YMD; expiry: YMD } {
  let issue = fromEpochDay(Math.max(toEpochDay(asOf) - daysAgo, toEpochDay(addYears(birth, 16))));
  let expiry = addYears(issue, 10);
  while (compareYmd(expiry, chinaDate(now)) <= 0) {
    issue = expiry;
    expiry = addYears(issue, 10);
  }
  return { issue, expiry };
}

const shortProvince = (name: string): string => name.replace(/(省|市|自治区|壮族|回族|维吾尔|特别行政区)+$/u, '');
