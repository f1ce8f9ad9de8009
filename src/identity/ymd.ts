// Calendar-date helpers. Dates on the card (birth, validity) are plain civil dates,
// so they are handled as integers rather than Date objects to avoid time-zone drift.

export interface YMD {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(d: YMD): boolean {
  return (
    Number.isInteger(d.year) && Number.isInteger(d.month) && Number.isInteger(d.day) &&
    d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
  );
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toEpochDay(d: YMD): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromEpochDay(days: number): YMD {
  const dt = new Date(days * 86_400_000);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** Same month/day N years later; 29 Feb falls back to 28 Feb in common years. */
export function addYears(d: YMD, years: number): YMD {
  const year = d.year + years;
  return { year, month: d.month, day: Math.min(d.day, daysInMonth(year, d.month)) };
}

/** Completed years (周岁) on `on`, as the ID-card law counts age. */
export function ageOn(birth: YMD, on: YMD): number {
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

export function compareYmd(a: YMD, b: YMD): number {
  return toEpochDay(a) - toEpochDay(b);
}

/** Today's date in China Standard Time (UTC+8, no DST): the issuing authority's calendar. */
export function chinaDate(now: Date): YMD {
  return fromEpochDay(Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000));
}

/** YYYYMMDD, as embedded in GB 11643 ID numbers. */
export function formatCompact(d: YMD): string {
  return `${String(d.year).padStart(4, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}
