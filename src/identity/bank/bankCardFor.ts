// Deterministic fake mainland bank card: the same (key, seed) always gives the same card, on any day (drawn
// as of DRAWN_AS_OF; a card that has expired on `now` is renewed, as a bank reissues it).
// - The BIN is a real one of bankBins (data/bins.json): its bank, its debit/credit type and its length.
// - The digits after the BIN are drawn; the last is the Luhn (ISO/IEC 7812) check digit, by luhn-js.
// - Validity is month/year: from a month within the last term, for the term of the card's type.
import luhn from 'luhn-js';
import { createRandom } from '../random.ts';
import { DRAWN_AS_OF } from '../validity.ts';
import { chinaDate, type YMD } from '../ymd.ts';
import { bankBins, type Bank, type BankCardType } from './bankBins.ts';

export interface YearMonth {
  year: number;
  month: number;
}

export interface BankCard {
  /** The card number, digits only, check digit included. */
  number: string;
  bin: string;
  bank: Bank;
  type: BankCardType;
  /** The card's product name: the bank's name and the word of its type (招商银行信用卡). */
  name: string;
  validFrom: YearMonth;
  validTo: YearMonth;
}

const months = (d: YearMonth): number => d.year * 12 + d.month - 1;
const fromMonths = (n: number): YearMonth => ({ year: Math.floor(n / 12), month: (n % 12) + 1 });

/** The card in the image `key` (population `seed`), renewed if it has expired on `now`. */
export function bankCardFor(key: string | Uint8Array, seed: string, now: Date = new Date(), asOf: YMD = DRAWN_AS_OF): BankCard {
  const random = createRandom(seed, 'bankcard', key);
  const { bins, products, termYears } = bankBins;
  // A bank first, then one of its BINs: the big banks list many more BINs than the others.
  const codes = [...new Set(bins.map((b) => b.bank.code))];
  const code = random.pick(codes);
  const row = random.pick(bins.filter((b) => b.bank.code === code));
  let body = row.bin;
  while (body.length < row.length - 1) body += String(random.int(0, 9));
  const number = luhn.generate(body);
  const term = termYears[row.type] * 12;
  const drawnOn = months(asOf);
  let from = drawnOn - random.int(0, term - 1);
  const today = chinaDate(now);
  // A card is good to the end of its printed month; renewed on expiry, as often as needed.
  while (from + term < months(today)) from += term;
  return {
    number, bin: row.bin, bank: row.bank, type: row.type, name: `${row.bank.name}${products[row.type]}`,
    validFrom: fromMonths(from), validTo: fromMonths(from + term),
  };
}
