import { describe, expect, it } from 'vitest';
import { parse } from 'mrz';
import { residencePermitFor } from '../../src/identity/documents/residencePermitFor.ts';
import { foreignResidentFor } from '../../src/identity/documents/foreignResidentFor.ts';
import { passportFor } from '../../src/identity/documents/passportFor.ts';
import { pinyinName } from '../../src/identity/documents/pinyinName.ts';
import { mod112Valid } from '../helpers/independentChecks.ts';

// The document generators judged by code that is not theirs: the check digits by test/helpers/independentChecks.ts
// (written from GB 11643-1999), every MRZ by the `mrz` package, the codes by the published tables typed in here.
const KEYS = Array.from({ length: 300 }, (_, i) => `doc-${i}`);
const compact = (d: { year: number; month: number; day: number }): string =>
  `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
// ISO 3166-1 numeric codes (= GB/T 2659.1) of the states the generator draws, from the standard's table.
const ISO_NUMERIC: Record<string, string> = { USA: '840', GBR: '826', CAN: '124', AUS: '036', DEU: '276', FRA: '250', JPN: '392', KOR: '410', SGP: '702' };
// GB/T 2260 province-level codes of the mainland.
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65']);

describe('residence permits for Hong Kong, Macao and Taiwan residents', () => {
  it('carry 810000/820000/830000, the birth date, the sex in the sequence and a valid check character', () => {
    const regions = new Map<string, string>();
    for (const key of KEYS) {
      const p = residencePermitFor(key, 'test');
      expect(mod112Valid(p.idNum), p.idNum).toBe(true);
      expect(p.idNum.slice(6, 14)).toBe(compact(p.birth));
      expect(Number(p.idNum[16]) % 2 === 1).toBe(p.sex === '男');
      regions.set(p.region, p.idNum.slice(0, 6));
      expect(p.passNum).toMatch(p.region === 'HK' ? /^H\d{8}$/ : p.region === 'MO' ? /^M\d{8}$/ : /^\d{8}$/);
      expect(p.validTo.year - p.validFrom.year).toBe(5);
    }
    expect(Object.fromEntries(regions)).toEqual({ HK: '810000', MO: '820000', TW: '830000' });
  });
});

describe('foreign permanent resident ID cards', () => {
  it('2023 format: 9, province, ISO numeric nationality, birth date, sequence, MOD 11-2; older cards: alpha-3 and 12 digits', () => {
    const formats = new Set<number>();
    for (const key of KEYS) {
      const f = foreignResidentFor(key, 'test');
      formats.add(f.format);
      if (f.format === 2023) {
        expect(f.idNum).toMatch(/^9\d{16}[\dX]$/);
        expect(mod112Valid(f.idNum), f.idNum).toBe(true);
        expect(PROVINCES.has(f.idNum.slice(1, 3)), f.idNum).toBe(true);
        expect(f.idNum.slice(3, 6)).toBe(ISO_NUMERIC[f.state.alpha3]);
        expect(f.idNum.slice(6, 14)).toBe(compact(f.birth));
        expect(compact(f.validFrom) >= '20231201').toBe(true);
      } else {
        expect(f.idNum).toMatch(/^[A-Z]{3}\d{12}$/);
        expect(f.idNum.slice(0, 3)).toBe(f.state.alpha3);
        expect(PROVINCES.has(f.idNum.slice(3, 5)), f.idNum).toBe(true);
        expect(f.idNum.slice(7, 13)).toBe(compact(f.birth).slice(2));
        expect(compact(f.validFrom) < '20231201').toBe(true);
      }
      expect(f.validTo.year - f.validFrom.year).toBe(10);
    }
    expect([...formats].sort()).toEqual([2017, 2023]);
  });
});

describe('passports', () => {
  it('every MRZ is a valid TD3 zone to the mrz package, of a real issuing state, and says what the passport says', () => {
    const states = new Set<string>();
    for (const key of KEYS) {
      const p = passportFor(key, 'test');
      const r = parse(p.mrz);
      expect(r.valid, `${p.mrz.join('\n')}\n${JSON.stringify(r.details.filter((d) => !d.valid))}`).toBe(true);
      expect(r.format).toBe('TD3');
      expect(r.fields).toMatchObject({ issuingState: p.issuingState, nationality: p.nationality, documentNumber: p.number, lastName: p.surname, sex: p.sex === 'M' ? 'male' : 'female' });
      expect(r.fields.birthDate).toBe(compact(p.birth).slice(2));
      expect(r.fields.expirationDate).toBe(compact(p.expiry).slice(2));
      expect(p.mrz[0].slice(0, 2)).toBe(p.issuingState === 'CHN' ? 'PO' : 'P<');
      expect(`${p.surname}${p.givenNames}`).toMatch(/^[A-Z ]+$/);
      states.add(p.issuingState);
    }
    expect(states.size).toBeGreaterThanOrEqual(8);
  });

  it('writes Chinese names in pinyin as Chinese passports do: surname readings, ü as YU, syllables joined', () => {
    expect(pinyinName('吕', '绿')).toEqual({ surname: 'LYU', givenName: 'LYU' });
    expect(pinyinName('单', '田')).toEqual({ surname: 'SHAN', givenName: 'TIAN' });
    expect(pinyinName('欧阳', '晓明')).toEqual({ surname: 'OUYANG', givenName: 'XIAOMING' });
  });
});
