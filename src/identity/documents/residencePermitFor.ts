// Deterministic fake holder of a 港澳台居民居住证 (residence permit for Hong Kong, Macao and Taiwan
// residents), as 港澳台居民居住证申领发放办法 (State Council General Office, 2018) describes it:
// - the 公民身份号码 is a GB 11643-1999 number whose address code is 810000 (Hong Kong), 820000 (Macao)
//   or 830000 (Taiwan) (art. 6 and the Ministry of Public Security's announcement of 2018-08-19), then the
//   birth date, a sequence code (odd for men, even for women) and the ISO 7064 MOD 11-2 check character;
// - valid 5 years (art. 8), issued by the county-level public security bureau where the holder lives
//   in the mainland (art. 9), whose address it prints; no 民族 field;
// - the back prints the holder's travel permit number (通行证号码) and how many permits have been
//   issued (签发次数): Hong Kong and Macao residents' permits (回乡证) are H or M + 8 digits, Taiwan
//   residents' (台胞证) 8 digits.
import { addressFor } from '../address.ts';
import { divisions } from '../divisions.ts';
import type { Person } from '../personFor.ts';
import { idCheckDigit } from '../idNumber.ts';
import { chineseName } from '../names.ts';
import { createRandom } from '../random.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { addYears, chinaDate, compareYmd, formatCompact, fromEpochDay, toEpochDay, type YMD } from '../ymd.ts';

export type Region = 'HK' | 'MO' | 'TW';

/** The address codes of art. 6, and the letter of the region's travel permit (none for Taiwan). */
export const PERMIT_REGIONS: Record<Region, { code: string; passPrefix: string }> = {
  HK: { code: '810000', passPrefix: 'H' },
  MO: { code: '820000', passPrefix: 'M' },
  TW: { code: '830000', passPrefix: '' },
};

/** The fields a permit shares with the mainland card, the address being where in the mainland the holder lives. */
export interface ResidencePermit extends Pick<Person, 'name' | 'sex' | 'birth' | 'division' | 'address' | 'idNum' | 'authority'> {
  region: Region;
  validFrom: YMD;
  validTo: YMD;
  passNum: string;
  /** Two digits: 01 for the first permit. */
  issueNum: string;
}

const YEARS = 5;

export function residencePermitFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): ResidencePermit {
  const random = createRandom(seed, 'residence-permit', key);
  const region = random.pick(['HK', 'MO', 'TW'] as const);
  const sex = random.next() < 0.5 ? '男' : '女';
  const birth = fromEpochDay(random.int(toEpochDay(addYears(asOf, -71)) + 1, toEpochDay(addYears(asOf, -18))));
  const { name } = chineseName(random, sex, birth.year);
  const division = random.pick(divisions());
  const sequence = sex === '男' ? 2 * random.int(0, 499) + 1 : 2 * random.int(1, 499);
  const first17 = PERMIT_REGIONS[region].code + formatCompact(birth) + String(sequence).padStart(3, '0');
  // First issued no earlier than 2018-09-01, when the permits began to be issued.
  const first = Math.max(toEpochDay({ year: 2018, month: 9, day: 1 }), toEpochDay(addYears(asOf, -YEARS)) + 1);
  let validFrom = fromEpochDay(random.int(first, toEpochDay(asOf) - 1));
  let validTo = addYears(validFrom, YEARS);
  while (compareYmd(validTo, chinaDate(now)) <= 0) {
    validFrom = validTo;
    validTo = addYears(validFrom, YEARS);
  }
  const digits = Array.from({ length: 8 }, () => random.int(0, 9)).join('');
  return {
    region, name, sex, birth, division, address: addressFor(random, division), idNum: first17 + idCheckDigit(first17),
    authority: division.authority, validFrom, validTo, passNum: PERMIT_REGIONS[region].passPrefix + digits,
    issueNum: String(random.int(1, 6)).padStart(2, '0'),
  };
}
