// Public surface of the mainland-China identity generator (GB 11643-1999 / GB/T 2260).
export { personFor, personForId, type Person } from './personFor.ts';
export { idCheckDigit, isValidIdNumber } from './idNumber.ts';
export { divisions, findDivision, type Division } from './divisions.ts';
export { nations, isNation, pickNation, type Nation } from './nations.ts';
export { createRandom, type Random } from './random.ts';
export { validityYears, TERM_YEARS } from './validity.ts';
export type { YMD } from './ymd.ts';
export { mobileCarrier } from './mobileCarrier.ts';
export { isBankCardNumber } from './isBankCardNumber.ts';
