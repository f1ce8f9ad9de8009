import { describe, expect, it } from 'vitest';
import { findDivision, divisions } from '../../src/identity/divisions.ts';
import { idCheckDigit, isValidIdNumber } from '../../src/identity/idNumber.ts';
import { nations } from '../../src/identity/nations.ts';
import { personFor, type Person } from '../../src/identity/personFor.ts';
import { createRandom } from '../../src/identity/random.ts';
import { DRAWN_AS_OF } from '../../src/identity/validity.ts';
import type { YMD } from '../../src/identity/ymd.ts';

// Years after DRAWN_AS_OF, so that many of the cards drawn then have expired and were renewed.
const NOW = new Date('2031-06-15T04:00:00Z'); // 2031-06-15 in China (UTC+8)
const TODAY = { year: 2031, month: 6, day: 15 };
const cmp = (a: YMD, b: YMD): number => Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
const age = (birth: YMD, on: YMD): number =>
  on.year - birth.year - (on.month < birth.month || (on.month === birth.month && on.day < birth.day) ? 1 : 0);
const ymd8 = (d: YMD): string =>
  `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;

describe('GB 11643-1999 check digit', () => {
  it('matches known valid numbers', () => {
    // 11010519491231002X is the worked example of GB 11643-1999; the others were
    // verified by hand with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('44052419870101001')).toBe('4');
    expect(idCheckDigit('11010119900307447')).toBe('7');
    expect(idCheckDigit('44030819990110151')).toBe('2');
    expect(() => idCheckDigit('1234')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('isValidIdNumber', () => {
  it('accepts valid numbers (X in either case)', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('440524198701010014')).toBe(true);
    const leap = '11010120000229123';
    expect(isValidIdNumber(leap + idCheckDigit(leap))).toBe(true);
  });
  it('rejects a wrong check digit, impossible dates, wrong length or characters', () => {
    for (const bad of ['110105194912310021', '440524198701010015', '11010519491231002', '11010519491231002X0',
      '1101051949123100AX', '']) {
      expect(isValidIdNumber(bad), bad).toBe(false);
    }
    // Feb 31, month 13, 1900-02-29 (1900 is not leap), year 1700: bad even with a matching check digit.
    for (const body of ['11010519490231002', '11010519001329002', '11010519000229002', '11010517001231002']) {
      expect(isValidIdNumber(body + idCheckDigit(body))).toBe(false);
    }
  });
});

describe('divisions table (GB/T 2260)', () => {
  it('holds thousands of unique, complete county-level rows', () => {
    expect(divisions().length).toBeGreaterThan(2800);
    expect(new Set(divisions().map((d) => d.code)).size).toBe(divisions().length);
    for (const d of divisions()) {
      expect(d.code).toMatch(/^[1-8]\d{5}$/);
      for (const v of [d.province, d.city, d.district, d.authority]) expect(v.length).toBeGreaterThan(0);
      expect(d.district).not.toBe('市辖区');
      expect(d.authority.endsWith('公安局') || d.authority.endsWith('分局')).toBe(true);
    }
  });
  it('names issuing authorities by the real convention', () => {
    expect(findDivision('440305')).toMatchObject({ city: '深圳市', district: '南山区', authority: '深圳市公安局南山分局' });
    expect(findDivision('110108')).toMatchObject({ city: '北京市', authority: '北京市公安局海淀分局' });
    expect(findDivision('130133')?.authority).toBe('赵县公安局');
    expect(findDivision('320583')?.authority).toBe('昆山市公安局');
    expect(findDivision('429004')).toMatchObject({ province: '湖北省', city: '仙桃市', authority: '仙桃市公安局' });
    expect(findDivision('441900')?.authority).toBe('东莞市公安局');
    expect(findDivision('000000')).toBeUndefined();
  });
});

describe('nations', () => {
  it('lists the 56 groups by their short card names', () => {
    const names = nations.map((n) => n.name);
    expect(new Set(names).size).toBe(56);
    for (const n of ['汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '朝鲜', '满', '基诺']) expect(names).toContain(n);
    expect(names.some((n) => n.endsWith('族'))).toBe(false);
  });
});

describe('createRandom', () => {
  it('is deterministic, in range and honours weights', () => {
    const a = createRandom('s', 'k');
    const b = createRandom('s', 'k');
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom('sk').next()).not.toBe(createRandom('s', 'k').next());
    const r = createRandom('range');
    for (let i = 0; i < 1000; i++) {
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
      expect(r.weighted([{ value: 'a', weight: 0 }, { value: 'b', weight: 1 }])).toBe('b');
    }
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe('personFor', () => {
  it('is deterministic for key + seed, on any day: only an expired card is renewed', () => {
    expect(personFor('img-1', 'seed', NOW)).toEqual(personFor('img-1', 'seed', NOW));
    const bytes = new Uint8Array([1, 2, 3]);
    expect(personFor(bytes, 'seed', NOW)).toEqual(personFor(new Uint8Array([1, 2, 3]), 'seed', NOW));
    // Same calendar day in China -> same person, whatever the hour.
    expect(personFor('img-1', 'seed', new Date('2031-06-14T16:30:00Z'))).toEqual(personFor('img-1', 'seed', NOW));
    // Another day, years apart: the same person (a CI suite's expected values hold tomorrow).
    const identity = ({ validFrom: _f, validTo: _t, ...rest }: Person): Omit<Person, 'validFrom' | 'validTo'> => rest;
    for (let i = 0; i < 50; i++) {
      const days = [new Date('2026-12-06T12:00:00+08:00'), NOW, new Date('2060-01-01T12:00:00+08:00')].map((d) => personFor(`day-${i}`, 'seed', d));
      expect(days.map(identity)).toEqual([identity(days[0]!), identity(days[0]!), identity(days[0]!)]);
    }
  });
  it('gives a different population for another seed or key', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    const a = keys.map((k) => personFor(k, 'seed-a', NOW).idNum);
    const b = keys.map((k) => personFor(k, 'seed-b', NOW).idNum);
    expect(a.filter((id, i) => id === b[i]).length).toBe(0);
    expect(new Set(a).size).toBe(50);
  });

  const people: Person[] = Array.from({ length: 500 }, (_, i) => personFor(`random-key-${i}`, 'test-seed', NOW));

  it('produces internally consistent people', () => {
    const nationNames = new Set(nations.map((n) => n.name));
    for (const p of people) {
      expect(isValidIdNumber(p.idNum), p.idNum).toBe(true);
      expect(findDivision(p.idNum.slice(0, 6))).toEqual(p.division);
      expect(p.idNum.slice(6, 14)).toBe(ymd8(p.birth));
      expect(Number(p.idNum[16]) % 2 === 1 ? '男' : '女').toBe(p.sex);
      expect(p.authority).toBe(p.division.authority);
      expect(p.address.startsWith(p.division.province)).toBe(true);
      expect(p.address).toContain(p.division.district);
      expect(p.address).not.toMatch(/^(北京市|天津市|上海市|重庆市)\1/);
      expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(p.name).toBe(p.surname + p.givenName);
      expect(nationNames.has(p.nation)).toBe(true);
      const ageDrawn = age(p.birth, DRAWN_AS_OF);
      expect(ageDrawn).toBeGreaterThanOrEqual(18);
      expect(ageDrawn).toBeLessThanOrEqual(75);
    }
  });

  it('has a validity period matching the age at issue (居民身份证法 art. 5)', () => {
    for (const p of people) {
      expect(cmp(p.validFrom, TODAY)).toBeLessThanOrEqual(0);
      expect(cmp(p.validFrom, p.birth)).toBeGreaterThan(0);
      const issueAge = age(p.birth, p.validFrom);
      const years = issueAge < 16 ? 5 : issueAge <= 25 ? 10 : issueAge <= 45 ? 20 : 'long-term';
      if (years === 'long-term') {
        expect(p.validTo).toBe('long-term');
        continue;
      }
      if (p.validTo === 'long-term') throw new Error(`${p.idNum}: expected ${years} years`);
      expect(cmp(p.validTo, p.validFrom)).toBeGreaterThan(0);
      expect(p.validTo.year - p.validFrom.year).toBe(years);
      expect(p.validTo.month).toBe(p.validFrom.month);
      expect(p.validFrom.day - p.validTo.day).toBeLessThanOrEqual(1); // 29 Feb -> 28 Feb
      expect(cmp(p.validTo, TODAY)).toBeGreaterThan(0); // the current card is unexpired
    }
    // Some were renewed since DRAWN_AS_OF (issued after it), so the renewal is exercised.
    expect(people.filter((p) => cmp(p.validFrom, DRAWN_AS_OF) > 0).length).toBeGreaterThan(10);
  });

  it('has realistic distributions', () => {
    const share = (f: (p: Person) => boolean): number => people.filter(f).length / people.length;
    expect(share((p) => p.nation === '汉')).toBeGreaterThan(0.85);
    expect(share((p) => p.nation === '汉')).toBeLessThan(0.97);
    expect(share((p) => p.sex === '男')).toBeGreaterThan(0.42);
    expect(share((p) => p.sex === '男')).toBeLessThan(0.6);
    expect(share((p) => ['王', '李', '张', '刘', '陈'].includes(p.surname))).toBeGreaterThan(0.2);
    expect(new Set(people.map((p) => p.surname)).size).toBeGreaterThan(60);
    expect(new Set(people.map((p) => p.division.province)).size).toBeGreaterThan(25);
    expect(share((p) => p.validTo === 'long-term')).toBeGreaterThan(0.1);
  });

  it('takes well under 1 ms per person', () => {
    const start = performance.now();
    for (let i = 0; i < 2000; i++) personFor(`perf-${i}`, 'perf', NOW);
    expect((performance.now() - start) / 2000).toBeLessThan(1);
  });
});
