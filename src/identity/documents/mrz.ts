// ICAO Doc 9303 Part 4 (Machine Readable Passports, 8th edition 2021): the two 44-character lines of a
// TD3 machine-readable zone, and Part 3 §4.9's check digit (weights 7, 3, 1 repeating; digits count as
// themselves, A-Z as 10-35, the filler '<' as 0; the sum mod 10).
import type { YMD } from '../ymd.ts';

const FILLER = '<';

export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * ([7, 3, 1][i % 3] ?? 0);
  }
  return String(sum % 10);
}

/** YYMMDD, the MRZ's date form. */
export const mrzDate = (d: YMD): string =>
  `${String(d.year % 100).padStart(2, '0')}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

/** Letters A-Z only, spaces and hyphens as fillers (Part 3 §6: other punctuation is dropped). */
const mrzLetters = (s: string): string => s.toUpperCase().replace(/[\s-]+/g, FILLER).replace(/[^A-Z<]/g, '');

const fill = (s: string, length: number): string => s.slice(0, length).padEnd(length, FILLER);

export interface Td3 {
  /** P + the state's type letter ('<' or, on Chinese ordinary passports, 'O'). */
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  number: string;
  nationality: string;
  birth: YMD;
  sex: 'M' | 'F';
  expiry: YMD;
  /** Optional personal number, up to 14 characters ('' = all fillers). */
  personalNumber?: string;
}

/**
 * The two lines. Names: SURNAME<<GIVEN<NAMES, truncated to the 39 characters of the field (Part 4 §4.2.2);
 * a personal-number field of fillers only has '<' as its check digit (§4.2.2.2 note j).
 */
export function td3Lines(d: Td3): [string, string] {
  const line1 = fill(d.documentCode, 2) + d.issuingState + fill(`${mrzLetters(d.surname)}<<${mrzLetters(d.givenNames)}`, 39);
  const number = fill(d.number, 9);
  const personal = fill(d.personalNumber ?? '', 14);
  const personalCheck = /^<+$/.test(personal) ? FILLER : mrzCheckDigit(personal);
  const numberPart = number + mrzCheckDigit(number);
  const birthPart = mrzDate(d.birth) + mrzCheckDigit(mrzDate(d.birth));
  const expiryPart = mrzDate(d.expiry) + mrzCheckDigit(mrzDate(d.expiry));
  const composite = mrzCheckDigit(numberPart + birthPart + expiryPart + personal + personalCheck);
  const line2 = numberPart + d.nationality + birthPart + d.sex + expiryPart + personal + personalCheck + composite;
  return [line1, line2];
}
