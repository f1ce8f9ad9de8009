import https from 'node:https';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import luhn from 'luhn';
import { bankCardFor } from '../../src/identity/bank/bankCardFor.ts';
import { bankBins, checkBankBins } from '../../src/identity/bank/bankBins.ts';

// The bank-card generator checked by code that is not ours: the `luhn` package for the check digit and the
// BIN table of the `bankcardinfo` package (the second of the two tables data/bins.json was taken from) for
// the issuer and whether the card is debit or credit.
const require = createRequire(import.meta.url);
const bankcardinfo = require('bankcardinfo') as { getBankBin(no: string): Promise<{ bankCode: string; bankName: string; cardType: string }> };

// bankcardinfo asks a web service about a number its own table lacks: that would be a finding, never traffic.
beforeAll(() => { vi.spyOn(https, 'get').mockImplementation(() => { throw new Error('bankcardinfo does not know this number: it asked the network'); }); });
afterAll(() => { vi.restoreAllMocks(); });

const KEYS = Array.from({ length: 1500 }, (_, i) => `image-${i}`);
const cards = KEYS.map((k) => bankCardFor(k, 'seed', new Date('2026-12-06T00:00:00Z')));

describe('bankCardFor', () => {
  it('gives Luhn-valid numbers of a BIN the table lists, at that BIN\'s length', () => {
    for (const c of cards) {
      expect(luhn.validate(c.number), c.number).toBe(true);
      const row = bankBins.bins.find((b) => c.number.startsWith(b.bin) && b.length === c.number.length);
      expect(row, c.number).toBeDefined();
      expect([row!.bank, row!.type]).toEqual([c.bank, c.type]);
    }
  });

  it('draws every bank, both types and every card length of the table', () => {
    expect(new Set(cards.map((c) => c.bank.code)).size).toBe(new Set(bankBins.bins.map((b) => b.bank.code)).size);
    expect(new Set(cards.map((c) => c.type))).toEqual(new Set(['debit', 'credit']));
    expect([...new Set(cards.map((c) => c.number.length))].sort()).toEqual([...new Set(bankBins.bins.map((b) => b.length))].sort());
  });

  it('agrees with bankcardinfo on the issuer and on debit or credit', async () => {
    for (const c of cards.slice(0, 400)) {
      const info = await bankcardinfo.getBankBin(c.number);
      expect([info.bankCode, info.cardType], c.number).toEqual([c.bank.code, c.type === 'debit' ? 'DC' : 'CC']);
    }
  });

  it('is the same card for the same image and seed, whatever the day; another seed, another card', () => {
    const a = bankCardFor('k', 's', new Date('2026-12-06T00:00:00Z'));
    expect(bankCardFor('k', 's', new Date('2026-12-07T00:00:00Z'))).toEqual(a);
    expect(bankCardFor('k', 'other').number).not.toBe(a.number);
  });

  it('is valid today: a card expired on the clock\'s day is renewed for its term', () => {
    const later = new Date('2041-03-01T00:00:00Z');
    for (const k of KEYS.slice(0, 200)) {
      const c = bankCardFor(k, 'seed', later);
      const months = (d: { year: number; month: number }) => d.year * 12 + d.month;
      expect(months(c.validTo)).toBeGreaterThanOrEqual(2041 * 12 + 3);
      expect(months(c.validTo) - months(c.validFrom)).toBe(bankBins.termYears[c.type] * 12);
      expect(c.name).toBe(`${c.bank.name}${bankBins.products[c.type]}`);
    }
  });
});

describe('the BIN table check', () => {
  it('names every row that is not one, at once', () => {
    const raw = {
      banks: { X: { name: '某银行', institution: '123' } },
      products: { debit: '借记卡', credit: '信用卡' },
      termYears: { debit: 10, credit: 5 },
      bins: [{ bin: '6225', bank: 'X', type: 'debit', length: 16 }, { bin: '622575', bank: 'Y', type: 'prepaid', length: 12 }],
    };
    expect(() => checkBankBins(raw)).toThrow(/banks\.X: institution 123 is not 8 digits[\s\S]*bins\[0\] 6225: a BIN is 6 to 10 digits[\s\S]*bins\[1\] 622575: bank Y is not in banks[\s\S]*type prepaid[\s\S]*length 12/);
  });
});
