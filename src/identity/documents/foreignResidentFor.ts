// Deterministic fake holder of a 外国人永久居留身份证 (foreign permanent resident ID card). Its number has
// two formats (National Immigration Administration, 新版外国人永久居留身份证 announcement of 2023-09-15,
// and its 机读信息规则 (2023版) for card readers):
// - cards issued from 2023-12-01: 18 characters like a 公民身份号码 (GB 11643-1999): '9' (a foreigner;
//   citizens' numbers start 1-8), the two-digit province code (GB/T 2260) of the office that accepted
//   the application, the nationality as the three-digit numeric code (ISO 3166-1 / GB/T 2659.1), the
//   birth date YYYYMMDD, a three-digit sequence code, and the ISO 7064 MOD 11-2 check character;
// - earlier cards (2004 and 2017 versions): 15 characters, the nationality as three Latin letters
//   (ISO 3166-1 alpha-3) and 12 digits: the four-digit code of the accepting office (province and city,
//   GB/T 2260), the birth date YYMMDD and a two-digit sequence. No public source states a check character
//   for this format, so none is made up: the last two digits are the sequence.
// Valid 10 years for holders 18 and over (外国人在中国永久居留审批管理办法 art. 18); issued by the
// National Immigration Administration since 2018-04-02, before that by the Ministry of Public Security.
import { divisions } from '../divisions.ts';
import { idCheckDigit } from '../idNumber.ts';
import { createRandom } from '../random.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { addYears, chinaDate, compareYmd, formatCompact, fromEpochDay, toEpochDay, type YMD } from '../ymd.ts';
import { foreignName, issuingStates, type IssuingState, type NamePair } from './issuingStates.ts';

export interface ForeignResident {
  state: IssuingState;
  sex: 'M' | 'F';
  surname: NamePair;
  given: NamePair;
  birth: YMD;
  /** 18 characters from 2023-12-01, 15 before. */
  idNum: string;
  format: 2023 | 2017;
  validFrom: YMD;
  validTo: YMD;
  /** Issued by the National Immigration Administration (else the Ministry of Public Security). */
  nia: boolean;
  /** Tencent's HolderNum (持证人持有号码): two digits, 01 for a first card. */
  holderNum: string;
  authority: string;
  /** The Chinese name the card prints: surname first for East Asian names, else given·surname. */
  zhName: string;
  /** The English name, given name first in title case (`Ming Li`, Tencent's example). */
  enName: string;
}

// States whose names put the surname first, also in Chinese.
const SURNAME_FIRST = new Set(['JPN', 'KOR', 'SGP']);
const title = (s: string): string => s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());

export const NEW_FORMAT_FROM: YMD = { year: 2023, month: 12, day: 1 };
const NIA_FROM: YMD = { year: 2018, month: 4, day: 2 };
const YEARS = 10;

export function foreignResidentFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): ForeignResident {
  const random = createRandom(seed, 'foreign-resident', key);
  const state = random.pick(issuingStates());
  const sex: 'M' | 'F' = random.next() < 0.5 ? 'M' : 'F';
  const { surname, given } = foreignName(random, state, sex);
  const birth = fromEpochDay(random.int(toEpochDay(addYears(asOf, -70)), toEpochDay(addYears(asOf, -28))));
  const division = random.pick(divisions());
  let validFrom = fromEpochDay(random.int(Math.max(toEpochDay(addYears(asOf, -YEARS)) + 1, toEpochDay(addYears(birth, 18))), toEpochDay(asOf) - 1));
  let validTo = addYears(validFrom, YEARS);
  let held = random.int(1, 2);
  while (compareYmd(validTo, chinaDate(now)) <= 0) {
    validFrom = validTo;
    validTo = addYears(validFrom, YEARS);
    held++;
  }
  const format = compareYmd(validFrom, NEW_FORMAT_FROM) >= 0 ? 2023 : 2017;
  let idNum: string;
  if (format === 2023) {
    const first17 = `9${division.code.slice(0, 2)}${state.numeric}${formatCompact(birth)}${String(random.int(0, 999)).padStart(3, '0')}`;
    idNum = first17 + idCheckDigit(first17);
  } else {
    idNum = `${state.alpha3}${division.code.slice(0, 4)}${formatCompact(birth).slice(2)}${String(random.int(0, 99)).padStart(2, '0')}`;
  }
  const nia = compareYmd(validFrom, NIA_FROM) >= 0;
  return {
    state, sex, surname, given, birth, idNum, format, validFrom, validTo, nia, holderNum: String(held).padStart(2, '0'),
    authority: nia ? '国家移民管理局' : '中华人民共和国公安部',
    zhName: SURNAME_FIRST.has(state.alpha3) ? surname[1] + given[1] : `${given[1]}·${surname[1]}`,
    enName: `${title(given[0])} ${title(surname[0])}`,
  };
}
