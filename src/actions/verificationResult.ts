import { idCheckDigit, isBankCardNumber, mobileCarrier } from '../identity/index.ts';
import type { Results } from '../data/types.ts';
import type { RegisterStore } from '../state/identityRegister.ts';

export interface VerificationInput {
  /** The elements the API verifies; one it does not take is undefined. */
  name?: string;
  idCard?: string;
  phone?: string;
  bankCard?: string;
  /** The document type parameter as sent (results.json `certTypes.param`). */
  certType?: unknown;
  register: Pick<RegisterStore, 'nameOf' | 'countToday'>;
  /** The API's results.json: the result codes, the element rules, the daily limits, the register's answers. */
  results: Results;
  /** The China calendar day of the emulator clock, e.g. `20260301`: daily limits restart each day. */
  day: string;
  /** --strict-register: a valid ID nobody was issued is "no such record" rather than a match. */
  strict: boolean;
  /** Whose daily counts these are: the API (the vendor counts each service apart, 1007/108625). */
  scope: string;
}

/**
 * A verification API's Result, as the ID database would decide it (IdCardOCRVerification "Output Parameters", https://www.tencentcloud.com/document/api/1061/79050):
 * the ID number's length and GB 11643 check digit (ISO 7064 MOD 11-2), then the name rules, the phone
 * number (a Chinese mobile number, its prefix served by a carrier the API verifies), the bank card
 * number (Luhn), the document type, then the daily limits, then the register: the recorded name
 * matches, another does not, an ID not on record (or no ID number to look up: phone and bank-card
 * checks without one) is a match, or "no record" when strict. Each rule applies where the API's
 * results.json has it, with its code.
 */
export async function verificationResult(v: VerificationInput): Promise<string> {
  const { idNumbers, names, phones, bankCards, certTypes, limits, register } = v.results;
  const idCard = v.idCard?.toUpperCase();
  if (idNumbers && !hasCheckDigit(idCard ?? '')) return idNumbers.result;
  const name = v.name?.trim();
  if (names && (name === undefined || name.length < names.minLength || name.length > names.maxLength || !new RegExp(names.pattern, 'u').test(name))) return names.result;
  if (phones) {
    const carrier = mobileCarrier(v.phone ?? '');
    if (carrier === undefined) return phones.result;
    if (carrier === null || (phones.carriers && !(carrier in phones.carriers))) return phones.unsupported ?? phones.result;
  }
  if (bankCards && !isBankCardNumber(v.bankCard ?? '')) return bankCards.result;
  if (certTypes && v.certType !== undefined && !certTypes.accepted.includes(v.certType as number)) return certTypes.result;
  // Counted per value of each parameter the limits name: the element's request parameter (results.json `params`).
  const values: Record<string, string | undefined> = { [paramOf(v.results, 'name')]: name, [paramOf(v.results, 'idCard')]: idCard };
  if (v.results.params?.phone) values[v.results.params.phone] = v.phone;
  if (v.results.params?.bankCard) values[v.results.params.bankCard] = v.bankCard;
  if (limits && await overLimit(v, limits, values)) return limits.result;
  if (!register) throw new Error('results.json has no `register` answers');
  const recorded = idCard === undefined ? undefined : await v.register.nameOf(idCard);
  if (recorded === undefined) return v.strict ? register.notOnRecordStrict : register.notOnRecord;
  if (recorded === name) return register.match;
  if (register.mismatch === undefined) throw new Error('results.json `register` has no `mismatch` answer for an API that verifies ID numbers');
  return register.mismatch;
}

/** The request parameter that carries an element (results.json `params`; IdCardOCRVerification's names by default). */
function paramOf(results: Results, element: 'name' | 'idCard'): string {
  return results.params?.[element] ?? (element === 'name' ? 'Name' : 'IdCard');
}

async function overLimit(v: VerificationInput, limits: NonNullable<Results['limits']>, values: Record<string, string | undefined>): Promise<boolean> {
  let over = false;
  for (const [param, max] of Object.entries(limits.perDay)) {
    if (await v.register.countToday(v.day, `${v.scope}:${param}:${values[param]}`) > max) over = true;
  }
  return over;
}

/** 18 characters whose last is the GB 11643 check digit of the first 17. */
function hasCheckDigit(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckDigit(id.slice(0, 17)) === id.charAt(17);
}
