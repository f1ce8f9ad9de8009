// Deterministic fake Macao resident, as a Macao SAR resident identity card (BIR) prints them and
// Tencent RecognizeMacaoIDCardOCR returns them: the same (key, seed) always yields the same person, on
// any day (drawn as of DRAWN_AS_OF; only an expired card is renewed), and every field is consistent
// with the others.
//
// - ID: 8 digits printed `NNNNNNN(N)`. Permanent residents' numbers start with 1 or 5, non-permanent
//   residents' with 7 (vendor example `15****0(4)`). The check digit's algorithm is not published by
//   the Identification Services Bureau (DSI), so the emulator draws it and never validates it.
// - Validity (Law 8/2002 as summarised by the DSI and Wikipedia "澳門居民身份證"): permanent cards 10
//   years from the issue date, 5 years when issued under 18; non-permanent cards usually 5 years.
//   Holders of 60 and over get cards valid for life, so the generator keeps holders between 18 and 59
//   at the current issue, which always gives a dated ValidityPeriod.
// - BIR is compulsory from age 5 (Law 8/2002), so the first issue is on or after the 5th birthday.
// - Symbol: the vendor example prints `C`; what each letter means is not published, so the
//   emulator draws one of A, B, C.
import { createRandom, type Random } from '../random.ts';
import { addYears, ageOn, chinaDate, compareYmd, fromEpochDay, toEpochDay, type YMD } from '../ymd.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { macaoName, type MacaoName, type MacaoSex } from './macaoName.ts';

export interface MacaoPerson {
  name: MacaoName;
  sex: MacaoSex;
  /** `1234567(8)` */
  id: string;
  permanent: boolean;
  birth: YMD;
  firstIssue: YMD;
  currentIssue: YMD;
  validTo: YMD;
  symbol: string;
  /** metres, two decimals: `1.64` */
  height: string;
}

const MIN_AGE = 18;
const MAX_AGE = 59;
const PERMANENT_SHARE = 0.85;
const SYMBOLS = ['A', 'B', 'C'] as const;
// Adult height in cm (mean, spread) by sex: plausible southern-Chinese adult figures, not a survey.
const HEIGHT: Record<MacaoSex, [number, number]> = { M: [170.5, 6], F: [158.5, 5.5] };

/** Drawn as of `asOf` (DRAWN_AS_OF unless given), whatever `now` is; the card renewed if expired on `now`. */
export function macaoPersonFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): MacaoPerson {
  const random = createRandom(seed, 'macao', key);
  const today = asOf;
  const sex: MacaoSex = random.next() < 0.5 ? 'M' : 'F';
  const name = macaoName(random, sex);
  const permanent = random.next() < PERMANENT_SHARE;
  const birth = fromEpochDay(random.int(toEpochDay(addYears(today, -(MAX_AGE + 1))) + 1, toEpochDay(addYears(today, -MIN_AGE))));
  const firstIssue = between(random, addYears(birth, permanent ? 5 : MIN_AGE), yesterday(today));
  let { currentIssue, validTo } = pickCurrentIssue(random, birth, firstIssue, today, permanent);
  // Renewed on its expiry day, as often as needed, when it has expired on `now`.
  while (compareYmd(validTo, chinaDate(now)) <= 0) {
    currentIssue = validTo;
    validTo = addYears(currentIssue, validityYears(birth, currentIssue, permanent));
  }
  const first = permanent ? random.pick(['1', '5']) : '7';
  const id = `${first}${String(random.int(0, 999_999)).padStart(6, '0')}(${random.int(0, 9)})`;
  const [mean, sd] = HEIGHT[sex];
  const cm = mean + sd * (random.next() + random.next() + random.next() - 1.5) * 2;
  return { name, sex, id, permanent, birth, firstIssue, currentIssue, validTo, symbol: random.pick(SYMBOLS), height: (cm / 100).toFixed(2) };
}

function validityYears(birth: YMD, issue: YMD, permanent: boolean): number {
  return permanent && ageOn(birth, issue) >= 18 ? 10 : 5;
}

/** The current card: issued on or after the first one, before today, and not yet expired today. */
function pickCurrentIssue(random: Random, birth: YMD, firstIssue: YMD, today: YMD, permanent: boolean): { currentIssue: YMD; validTo: YMD } {
  let from = firstIssue;
  for (let attempt = 0; attempt < 16; attempt++) {
    const currentIssue = between(random, from, yesterday(today));
    const validTo = addYears(currentIssue, validityYears(birth, currentIssue, permanent));
    if (compareYmd(validTo, today) > 0) return { currentIssue, validTo };
    from = currentIssue; // later issue dates only lengthen what is left
  }
  const currentIssue = yesterday(today);
  return { currentIssue, validTo: addYears(currentIssue, validityYears(birth, currentIssue, permanent)) };
}

const yesterday = (d: YMD): YMD => fromEpochDay(toEpochDay(d) - 1);

/** A uniform day in [a, b]; `a` when b is before a. */
function between(random: Random, a: YMD, b: YMD): YMD {
  const lo = toEpochDay(a);
  const hi = Math.max(lo, toEpochDay(b));
  return fromEpochDay(random.int(lo, hi));
}

