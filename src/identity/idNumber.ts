// GB 11643-1999 公民身份号码: 6-digit address code (GB/T 2260) + 8-digit birth date
// (YYYYMMDD) + 3-digit sequence (odd = male, even = female) + 1 check character.
import { isValidYmd } from './ymd.ts';

// Weights W_i = 2^(17-i) mod 11 for positions 1..17 (ISO 7064 MOD 11-2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Check character for each remainder (sum mod 11): a1 = (12 - r) mod 11, 10 written 'X'.
const CHECK_CHARS = '10X98765432';

/** Check character for the first 17 digits; returns '0'-'9' or 'X'. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckDigit expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * 18 characters, a real calendar birth date (years 1800-2099, the range the
 * 8-digit field is meant for) and a matching check character. A lower-case 'x' is
 * accepted because people commonly type it; the standard prints 'X'.
 */
export function isValidIdNumber(id: string): boolean {
  if (typeof id !== 'string' || !/^\d{17}[\dXx]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const birth = { year, month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) };
  if (year < 1800 || year > 2099 || !isValidYmd(birth)) return false;
  return idCheckDigit(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}
