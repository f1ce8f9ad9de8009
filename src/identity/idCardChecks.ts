import { isValidIdNumber, TERM_YEARS, type YMD } from './index.ts';
import { addYears, compareYmd, isValidYmd } from './ymd.ts';

/** The card's words as read, after any scenario overrides: the checks judge what is reported. */
export interface FrontText { number?: unknown; birth?: unknown; sex?: unknown }
export interface BackText { valid_from?: unknown; valid_to?: unknown }

/** `长期`: valid for life (居民身份证法 art. 5); the emulator writes it as the card prints it. */
export const LONG_TERM = '长期';

/** `YYYY-MM-DD`, the date form of every Huawei date field (huaweicloudsdkocr idcard_result.py). */
export const isoDate = (d: YMD): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function parseIso(v: unknown): YMD | undefined {
  const m = typeof v === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(d) ? d : undefined;
}

/**
 * IdcardFrontVerificationResult (huaweicloudsdkocr idcard_front_verification_result.py): the number passes GB 11643's check digit; birth and
 * sex agree with the digits it encodes (7-14 the birth date, the 17th odd for a man). Both are false
 * when the number is invalid.
 */
export function frontChecks(t: FrontText): { valid_number: boolean; valid_birth: boolean; valid_sex: boolean } {
  const number = typeof t.number === 'string' ? t.number : '';
  const valid = isValidIdNumber(number);
  const encodedBirth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const encodedSex = Number(number.charAt(16)) % 2 === 1 ? '男' : '女';
  return { valid_number: valid, valid_birth: valid && t.birth === encodedBirth, valid_sex: valid && t.sex === encodedSex };
}

/**
 * IdcardBackVerificationResult (huaweicloudsdkocr idcard_back_verification_result.py): `valid_validity_period` = the dates are real and the
 * term is one the law allows; `valid_date` = today (China time, on the emulator's clock) is within it.
 */
export function backChecks(t: BackText, today: YMD): { valid_date: boolean; valid_validity_period: boolean } {
  const from = parseIso(t.valid_from);
  const lifelong = t.valid_to === LONG_TERM;
  const to = lifelong ? undefined : parseIso(t.valid_to);
  if (!from || (!to && !lifelong)) return { valid_date: false, valid_validity_period: false };
  const legal = lifelong || TERM_YEARS.some((n) => compareYmd(addYears(from, n), to!) === 0);
  const current = compareYmd(from, today) <= 0 && (lifelong || compareYmd(today, to!) <= 0);
  return { valid_date: current, valid_validity_period: legal };
}
