// Deterministic fake mainland-China resident: the same (key, seed) always yields the same person,
// on any day, and every field is internally consistent —
// the ID number encodes the division, birth date and sex exactly as GB 11643-1999
// prescribes, and the validity period follows 居民身份证法 art. 5.
import { LRUCache } from 'lru-cache';
import { addressFor } from './address.ts';
import { divisions, findDivision, type Division } from './divisions.ts';
import { idCheckDigit, isValidIdNumber } from './idNumber.ts';
import { chineseName } from './names.ts';
import { pickNation } from './nations.ts';
import { createRandom } from './random.ts';
import { DRAWN_AS_OF, pickIssueDate, renewedOn } from './validity.ts';
import { addYears, chinaDate, formatCompact, fromEpochDay, toEpochDay, type YMD } from './ymd.ts';

export interface Person {
  /** Chinese full name, 2-4 characters (4 only with a compound surname such as 欧阳). */
  name: string;
  surname: string;
  givenName: string;
  sex: '男' | '女';
  /** Short ethnic-group name as printed on the card ('汉', '蒙古', '维吾尔' …). */
  nation: string;
  birth: YMD;
  division: Division;
  address: string;
  /** 18-character GB 11643-1999 citizen identity number. */
  idNum: string;
  /** 签发机关; equals division.authority. */
  authority: string;
  validFrom: YMD;
  validTo: YMD | 'long-term';
}

const MIN_AGE = 18;
const MAX_AGE = 75;
// 2020 census sex ratio 105.07 males per 100 females.
const SEX_WEIGHTS = [
  { value: '男' as const, weight: 105.07 },
  { value: '女' as const, weight: 100 },
];

/**
 * The same (key, seed, day) is the same person, so the last few hundred are kept: CI suites send the
 * same fixture images over and over, and drawing a person is a large part of an answer's work. The
 * people are frozen, so a caller cannot change the one the next request gets.
 */
const recent = new LRUCache<string, Person>({ max: 512 });

function remembered(id: string, make: () => Person | undefined): Person | undefined {
  let person = recent.get(id);
  if (person === undefined) {
    person = make();
    if (person === undefined) return undefined;
    recent.set(id, freeze(person));
  }
  return person;
}

function freeze(p: Person): Person {
  Object.freeze(p.birth);
  Object.freeze(p.validFrom);
  if (typeof p.validTo === 'object') Object.freeze(p.validTo);
  return Object.freeze(p);
}

const dayOf = (now: Date): number => Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000);

/**
 * The person for `key`, drawn as of one fixed day (`asOf`, DRAWN_AS_OF unless given), so that a fixture image
 * is the same person tomorrow (a CI suite's expected values, the README's sample outputs); only the card is
 * renewed when it has expired on `now`.
 */
export function personFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): Person {
  if (typeof key !== 'string') return drawPerson(key, seed, now, asOf);
  return remembered(`k\0${seed}\0${dayOf(now)}\0${toEpochDay(asOf)}\0${key}`, () => drawPerson(key, seed, now, asOf))!;
}

function drawPerson(key: string | Uint8Array, seed: string, now: Date, today: YMD): Person {
  const random = createRandom(seed, key);

  const sex = random.weighted(SEX_WEIGHTS);
  // Uniform over every birthday giving an age of MIN_AGE..MAX_AGE today.
  const youngest = toEpochDay(addYears(today, -MIN_AGE));
  const oldest = toEpochDay(addYears(today, -(MAX_AGE + 1))) + 1;
  const birth = fromEpochDay(random.int(oldest, youngest));

  const division = random.pick(divisions());
  const nation = pickNation(random);
  const { surname, givenName, name } = chineseName(random, sex, birth.year);
  const address = addressFor(random, division);

  // GB 11643-1999 §4.3: the sequence code's last digit is odd for men, even for women.
  const sequence = sex === '男' ? 2 * random.int(0, 499) + 1 : 2 * random.int(1, 499);
  const first17 = division.code + formatCompact(birth) + String(sequence).padStart(3, '0');
  const idNum = first17 + idCheckDigit(first17);

  const { validFrom, validTo } = renewedOn(birth, pickIssueDate(random, birth, today), chinaDate(now));
  return {
    name, surname, givenName, sex, nation, birth, division, address, idNum,
    authority: division.authority, validFrom, validTo,
  };
}

/**
 * The person an ID number describes (a scenario that pins the number): birth from digits 7-14, sex
 * from the parity of digit 17, address and issuing authority from the division of digits 1-6 (when it
 * is one we know); name, nation and validity drawn from the seed and the number. Undefined when the
 * number is not a valid GB 11643 number.
 */
export function personForId(idNum: string, seed: string, now: Date = new Date()): Person | undefined {
  return remembered(`i\0${seed}\0${dayOf(now)}\0${idNum}`, () => personOfId(idNum, seed, now));
}

function personOfId(idNum: string, seed: string, now: Date): Person | undefined {
  const id = idNum.toUpperCase();
  if (!isValidIdNumber(id)) return undefined;
  const random = createRandom(seed, 'id', id);
  const birth = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
  const sex: Person['sex'] = Number(id.charAt(16)) % 2 === 1 ? '男' : '女';
  const division = findDivision(id.slice(0, 6)) ?? random.pick(divisions());
  const nation = pickNation(random);
  const { surname, givenName, name } = chineseName(random, sex, birth.year);
  const address = addressFor(random, division);
  const { validFrom, validTo } = pickIssueDate(random, birth, chinaDate(now));
  return {
    name, surname, givenName, sex, nation, birth, division, address, idNum: id,
    authority: division.authority, validFrom, validTo,
  };
}
