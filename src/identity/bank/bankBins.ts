// The BIN table of mainland bank cards (data/bins.json, sources in data/README.md), read and checked once
// at import, so at start: a malformed row is an error naming the row, not a card with a wrong number later.
import { loadJson } from '../loadJson.ts';

export type BankCardType = 'debit' | 'credit';

export interface Bank {
  /** The bank code of the BIN tables (CMB, ICBC, …). */
  code: string;
  /** The bank's Chinese name: 招商银行. */
  name: string;
  /** The 8-digit institution code (金融机构编码) UnionPay prints after the name: 03080000. */
  institution: string;
}

export interface BankBin {
  bin: string;
  bank: Bank;
  type: BankCardType;
  /** The card number's length, check digit included. */
  length: number;
}

export interface BankBins {
  bins: readonly BankBin[];
  /** The word a card's name ends in: 信用卡 for 招商银行信用卡. */
  products: Readonly<Record<BankCardType, string>>;
  termYears: Readonly<Record<BankCardType, number>>;
}

interface RawTable {
  banks: Record<string, { name: string; institution: string }>;
  products: Record<BankCardType, string>;
  termYears: Record<BankCardType, number>;
  bins: { bin: string; bank: string; type: BankCardType; length: number }[];
}

const TYPES: readonly BankCardType[] = ['debit', 'credit'];

/** The table, or an Error listing every row that is not one (what loadBankBins throws). */
export function checkBankBins(raw: unknown): BankBins {
  const t = raw as RawTable;
  const problems: string[] = [];
  const banks = new Map<string, Bank>();
  for (const [code, b] of Object.entries(t?.banks ?? {})) {
    if (typeof b?.name !== 'string' || b.name === '') problems.push(`banks.${code}: no name`);
    if (!/^\d{8}$/.test(String(b?.institution))) problems.push(`banks.${code}: institution ${String(b?.institution)} is not 8 digits`);
    banks.set(code, Object.freeze({ code, name: b?.name, institution: b?.institution }));
  }
  for (const type of TYPES) {
    if (typeof t?.products?.[type] !== 'string') problems.push(`products.${type} is missing`);
    if (!Number.isInteger(t?.termYears?.[type]) || t.termYears[type] < 1) problems.push(`termYears.${type} is not a whole number of years`);
  }
  const seen = new Set<string>();
  const bins: BankBin[] = [];
  for (const [i, row] of (Array.isArray(t?.bins) ? t.bins : []).entries()) {
    const at = `bins[${i}] ${String(row?.bin)}`;
    const bank = banks.get(row?.bank);
    if (!/^\d{6,10}$/.test(String(row?.bin))) problems.push(`${at}: a BIN is 6 to 10 digits`);
    if (!bank) problems.push(`${at}: bank ${String(row?.bank)} is not in banks`);
    if (!TYPES.includes(row?.type)) problems.push(`${at}: type ${String(row?.type)} is neither debit nor credit`);
    if (!Number.isInteger(row?.length) || row.length < 15 || row.length > 19 || row.length <= String(row?.bin).length) {
      problems.push(`${at}: length ${String(row?.length)} is not 15 to 19 digits longer than the BIN`);
    }
    if (seen.has(`${row?.bin}:${row?.length}`)) problems.push(`${at}: listed twice`);
    seen.add(`${row?.bin}:${row?.length}`);
    if (bank) bins.push(Object.freeze({ bin: row.bin, bank, type: row.type, length: row.length }));
  }
  if (bins.length === 0) problems.push('bins: the table lists no BIN');
  if (problems.length > 0) throw new Error(`src/identity/bank/data/bins.json:\n  ${problems.join('\n  ')}`);
  return Object.freeze({ bins: Object.freeze(bins), products: Object.freeze({ ...t.products }), termYears: Object.freeze({ ...t.termYears }) });
}

/** The checked table, read when the emulator starts (the bank-card handlers import it), like the other identity tables. */
export const bankBins: BankBins = checkBankBins(loadJson('bins.json', 'bank/data'));
