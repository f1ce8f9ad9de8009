import luhn from 'luhn-js';

/**
 * A bank card number as the card schemes write it: 13 to 19 digits (ISO/IEC 7812-1, the PAN lengths
 * UnionPay issues run 16 to 19) whose last is the Luhn check digit (the `luhn-js` package, which also
 * makes the generated cards' digit; the tests check both with the independent `luhn` package).
 */
export function isBankCardNumber(card: string): boolean {
  return /^\d{13,19}$/.test(card) && luhn.isValid(card);
}
