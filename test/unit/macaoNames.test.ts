import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { macaoName, telegraphCode, type MacaoName } from '../../src/identity/macao/macaoName.ts';

const dataUrl = (f: string): URL => new URL(`../../src/identity/macao/data/${f}`, import.meta.url);
const readJson = <T>(f: string): T => JSON.parse(fs.readFileSync(dataUrl(f), 'utf8')) as T;
const surnames = readJson<{ char: string; roman: string; weight: number }[]>('surnames.json');
const given = readJson<{ char: string; roman: string; sex: string }[]>('givenChars.json');
const telegraph = readJson<{ codes: Record<string, string> }>('telegraph.json');

// mulberry32: tiny deterministic PRNG standing in for the project's seeded one.
function prng(seed: number): { next(): number } {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

const names = (seed: number, n: number): MacaoName[] => {
  const r = prng(seed);
  return Array.from({ length: n }, () => macaoName(r));
};

afterEach(() => vi.restoreAllMocks());

describe('telegraph codes (Unihan kTaiwanTelegraph)', () => {
  it('matches real codes read from Unihan 15.0 Unihan_OtherMappings.txt', () => {
    // 何 0149 is also Tencent's own example (EnLastName HO, LastNameCode 0149).
    const known: Record<string, string> = {
      何: '0149', 陳: '7115', 黃: '7806', 李: '2621', 梁: '2733', 張: '1728', 林: '2651',
      吳: '0702', 劉: '0491', 鄭: '6774', 一: '0001', 偉: '0251', 嘉: '0857', 文: '2429',
      // traditional codes, not the mainland codes of the merged simplified forms
      葉: '5509', 雲: '7189', 鍾: '6945',
    };
    for (const [ch, code] of Object.entries(known)) expect(telegraphCode(ch), ch).toBe(code);
  });

  it('has a 4-digit code for every table character and nothing else', () => {
    const used = new Set([...surnames, ...given].map((e) => e.char));
    for (const ch of used) expect(telegraphCode(ch), ch).toMatch(/^\d{4}$/);
    expect(new Set(Object.keys(telegraph.codes))).toEqual(used);
  });

  it('tables are well formed Macao romanisations', () => {
    for (const e of [...surnames, ...given]) {
      expect([...e.char], e.char).toHaveLength(1);
      expect(e.roman, e.char).toMatch(/^[A-Z]+$/);
    }
    expect(new Set(given.map((g) => g.char)).size).toBe(given.length);
    expect(surnames.every((s) => Number.isInteger(s.weight) && s.weight > 0)).toBe(true);
    const roman = Object.fromEntries(surnames.map((s) => [s.char, s.roman]));
    expect(roman).toMatchObject({ 陳: 'CHAN', 何: 'HO', 梁: 'LEONG', 李: 'LEI', 張: 'CHEONG', 劉: 'LAO', 楊: 'IEONG', 余: 'U' });
  });
});

describe('macaoName', () => {
  it('is deterministic for the same PRNG sequence and never uses Math.random', () => {
    const spy = vi.spyOn(Math, 'random');
    expect(names(42, 200)).toEqual(names(42, 200));
    expect(names(42, 50)).not.toEqual(names(43, 50));
    expect(spy).not.toHaveBeenCalled();
  });

  it('produces consistent names: codes = 4 digits per character, upper-case ASCII romanisation', () => {
    const all = names(7, 2000);
    const lengths = new Set<number>();
    for (const n of all) {
      const first = [...n.cnFirstName];
      lengths.add(first.length);
      expect([1, 2]).toContain(first.length);
      expect(n.lastNameCode).toMatch(/^\d{4}$/);
      expect(n.firstNameCode).toHaveLength(4 * first.length);
      expect(n.firstNameCode).toBe(first.map((c) => telegraphCode(c)).join(''));
      expect(n.lastNameCode).toBe(telegraphCode(n.cnLastName));
      expect(n.enLastName).toMatch(/^[A-Z]+$/);
      expect(n.enFirstName).toMatch(/^[A-Z]+( [A-Z]+)?$/);
      expect(n.enFirstName.split(' ')).toHaveLength(first.length);
    }
    expect(lengths).toEqual(new Set([1, 2]));
    // mostly two-character given names; 陳 is the most frequent surname
    expect(all.filter((n) => n.cnFirstName.length === 2).length).toBeGreaterThan(all.length * 0.8);
    const chan = all.filter((n) => n.cnLastName === '陳').length;
    expect(chan).toBeGreaterThan(all.filter((n) => n.cnLastName === '侯').length * 3);
  });

  it('honours the requested sex', () => {
    const male = new Set(given.filter((g) => g.sex === 'M').map((g) => g.char));
    const r = prng(1);
    for (let i = 0; i < 300; i++) {
      for (const c of macaoName(r, 'F').cnFirstName) expect(male.has(c), c).toBe(false);
    }
  });
});
