import { idCheckDigit } from '../identity/index.ts';
import type { Results } from '../data/types.ts';
import type { RegisterStore } from '../state/identityRegister.ts';

export interface VerificationInput {
  name: string;
  idCard: string;
  register: Pick<RegisterStore, 'nameOf' | 'countToday'>;
  /** The API's results.json: the result codes, the name rules, the daily limits, the register's answers. */
  results: Results;
  /** The China calendar day of the emulator clock, e.g. `20260301`: daily limits restart each day. */
  day: string;
  /** --strict-register: a valid ID nobody was issued is "no such record" rather than a match. */
  strict: boolean;
}

/**
 * A verification API's Result, as the ID database would decide it (IdCardOCRVerification "Output Parameters", https://www.tencentcloud.com/document/api/1061/79050):
 * the ID number's length and GB 11643 check digit (ISO 7064 MOD 11-2), then the name rules, then the
 * daily limits, then the register: the recorded name matches, another does not, an ID not on record
 * is a match (or "no record" when strict). The codes and rules are the API's results.json.
 */
export async function verificationResult(v: VerificationInput): Promise<string> {
  const { idNumbers, names, limits, register } = v.results;
  if (idNumbers && !hasCheckDigit(v.idCard)) return idNumbers.result;
  const name = v.name.trim();
  if (names && (name.length < names.minLength || name.length > names.maxLength || !new RegExp(names.pattern, 'u').test(name))) return names.result;
  if (limits && await overLimit(v, limits, { Name: name, IdCard: v.idCard.toUpperCase() })) return limits.result;
  if (!register) throw new Error('results.json has no `register` answers');
  const recorded = await v.register.nameOf(v.idCard.toUpperCase());
  if (recorded === undefined) return v.strict ? register.notOnRecordStrict : register.notOnRecord;
  return recorded === name ? register.match : register.mismatch;
}

async function overLimit(v: VerificationInput, limits: NonNullable<Results['limits']>, values: Record<string, string>): Promise<boolean> {
  let over = false;
  for (const [param, max] of Object.entries(limits.perDay)) {
    if (await v.register.countToday(v.day, `${param}:${values[param]}`) > max) over = true;
  }
  return over;
}

/** 18 characters whose last is the GB 11643 check digit of the first 17. */
function hasCheckDigit(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id.charAt(17).toUpperCase();
}
