import { idCheckDigit } from '../identity/index.ts';
import type { Results } from '../data/types.ts';
import type { IdentityRegister } from '../state/identityRegister.ts';

export interface VerificationInput {
  name: string;
  idCard: string;
  register: IdentityRegister;
  /** results.json `limits`: the per-day counts per parameter (Name, IdCard) and the result beyond them. */
  limits: Results['limits'];
  /** The China calendar day of the emulator clock, e.g. `20260301`: daily limits restart each day. */
  day: string;
  /** --strict-register: a valid ID nobody was issued is "no such record" (-5) rather than a match. */
  strict: boolean;
}

// Han characters, Latin letters (names as foreigners' Chinese documents and the intl examples write
// them), spaces, and the middle dots of transliterated minority names (阿依古丽·买买提).
const NAME = /^[\p{Script=Han}A-Za-z·•. ]+$/u;
const NAME_MAX = 30;

/**
 * IdCardOCRVerification's Result, as the ID database would decide it (seed 003 "Output Parameters"):
 * -2 when the ID number has the wrong length or check digit (GB 11643, ISO 7064 MOD 11-2); -3 when
 * the name is empty, too long, or holds digits or symbols; -7 past the daily limits; then the
 * register: the recorded name gives 0, another name -1; an ID not on record 0, or -5 when strict.
 */
export function verificationResult(v: VerificationInput): string {
  if (!/^\d{17}[\dXx]$/.test(v.idCard) || idCheckDigit(v.idCard.slice(0, 17)) !== v.idCard.charAt(17).toUpperCase()) return '-2';
  const name = v.name.trim();
  if (name.length < 2 || name.length > NAME_MAX || !NAME.test(name)) return '-3';
  if (v.limits && overLimit(v, { Name: name, IdCard: v.idCard.toUpperCase() })) return v.limits.result;
  const recorded = v.register.nameOf(v.idCard.toUpperCase());
  if (recorded === undefined) return v.strict ? '-5' : '0';
  return recorded === name ? '0' : '-1';
}

function overLimit(v: VerificationInput, values: Record<string, string>): boolean {
  let over = false;
  for (const [param, max] of Object.entries(v.limits!.perDay)) {
    if (v.register.countToday(v.day, `${param}:${values[param]}`) > max) over = true;
  }
  return over;
}
