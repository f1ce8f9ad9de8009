// Card validity period (有效期限): the terms of 居民身份证法 art. 5 live in data/validity.json.
// Age is counted in completed years (周岁) on the issue date.
import { loadJson } from './loadJson.ts';
import type { Random } from './random.ts';
import { addYears, ageOn, compareYmd, fromEpochDay, toEpochDay, type YMD } from './ymd.ts';

interface Term { maxAge?: number; years: number | 'long-term' }
const TERMS = (loadJson('validity.json') as { terms: Term[] }).terms;

/** The fixed terms in years (5, 10, 20): a validity period of another length is not one the law allows. */
export const TERM_YEARS: readonly number[] = TERMS.flatMap((t) => (typeof t.years === 'number' ? [t.years] : []));

export function validityYears(ageAtIssue: number): number | 'long-term' {
  return TERMS.find((t) => t.maxAge === undefined || ageAtIssue <= t.maxAge)!.years;
}

function validToFor(birth: YMD, validFrom: YMD): YMD | 'long-term' {
  const years = validityYears(ageOn(birth, validFrom));
  return years === 'long-term' ? years : addYears(validFrom, years);
}

/**
 * The day every fake person is drawn as of (China time): ages, birth dates and first cards are counted from it,
 * never from the clock, so the same image is the same person on every day. It is the day the README's
 * sample outputs were drawn; changing it changes every person.
 */
export const DRAWN_AS_OF: YMD = Object.freeze({ year: 2026, month: 12, day: 5 });

/**
 * The card as it is on `today`: one that expired since was renewed on its expiry day, for the term the
 * holder's age then gives (居民身份证法 art. 5), as often as needed. A card issued after `today` (a clock
 * set before DRAWN_AS_OF) is left as drawn.
 */
export function renewedOn(birth: YMD, card: { validFrom: YMD; validTo: YMD | 'long-term' }, today: YMD): { validFrom: YMD; validTo: YMD | 'long-term' } {
  let { validFrom, validTo } = card;
  while (validTo !== 'long-term' && compareYmd(validTo, today) <= 0) {
    validFrom = validTo;
    validTo = validToFor(birth, validFrom);
  }
  return { validFrom, validTo };
}

// Second-generation cards (the ones with a chip and this field layout) were issued from 2004.
const FIRST_ISSUE = toEpochDay({ year: 2004, month: 1, day: 1 });
const MAX_YEARS_AGO = 20;

/**
 * Picks the issue date of the person's *current* card: in the past, on or after the
 * 16th birthday (when applying becomes compulsory) and not yet expired on `today`.
 * Later issue dates only lengthen the remaining validity, so shrinking the window
 * until the card is unexpired always terminates.
 */
export function pickIssueDate(random: Random, birth: YMD, today: YMD): { validFrom: YMD; validTo: YMD | 'long-term' } {
  const todayDay = toEpochDay(today);
  const earliest = Math.max(
    FIRST_ISSUE,
    toEpochDay(addYears(birth, 16)),
    toEpochDay(addYears(today, -MAX_YEARS_AGO)),
  );
  let maxAgo = Math.max(1, todayDay - earliest);
  for (let attempt = 0; attempt < 16; attempt++) {
    const validFrom = fromEpochDay(todayDay - random.int(1, maxAgo));
    const validTo = validToFor(birth, validFrom);
    if (validTo === 'long-term' || compareYmd(validTo, today) > 0) return { validFrom, validTo };
    maxAgo = Math.max(1, Math.floor(maxAgo / 2));
  }
  const validFrom = fromEpochDay(todayDay - 1); // renewed yesterday: always valid
  return { validFrom, validTo: validToFor(birth, validFrom) };
}
