// The validity of a 临时居民身份证 (temporary resident identity card): three months
// (临时居民身份证管理办法 art. 5: 有效期限为三个月). The holder is the mainland person of the same image;
// drawn as of DRAWN_AS_OF like the person, and re-issued while expired on `now`.
import { createRandom } from '../random.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { chinaDate, compareYmd, fromEpochDay, toEpochDay, type YMD } from '../ymd.ts';

const addMonths = (d: YMD, n: number): YMD => {
  const months = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(months / 12), month = (months % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
};

export function temporaryValidity(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): { validFrom: YMD; validTo: YMD } {
  const random = createRandom(seed, 'temporary', key);
  let validFrom = fromEpochDay(toEpochDay(asOf) - random.int(1, 85));
  let validTo = addMonths(validFrom, 3);
  while (compareYmd(validTo, chinaDate(now)) <= 0) {
    validFrom = validTo;
    validTo = addMonths(validFrom, 3);
  }
  return { validFrom, validTo };
}
