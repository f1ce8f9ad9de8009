import { describe, expect, it } from 'vitest';
import { backChecks, frontChecks } from '../../src/identity/idCardChecks.ts';

const today = { year: 2026, month: 11, day: 21 };

describe('RecognizeIdCard verification_result (huaweicloudsdkocr idcard_verification_result.py)', () => {
  it('front: check digit, then birth and sex against the digits', () => {
    const number = '11010519491231002X'; // GB 11643 example: born 1949-12-31, 17th digit 2 = woman
    expect(frontChecks({ number, birth: '1949-12-31', sex: '女' })).toEqual({ valid_number: true, valid_birth: true, valid_sex: true });
    expect(frontChecks({ number, birth: '1949-12-30', sex: '男' })).toEqual({ valid_number: true, valid_birth: false, valid_sex: false });
    expect(frontChecks({ number: '110105194912310021', birth: '1949-12-31', sex: '女' })).toEqual({ valid_number: false, valid_birth: false, valid_sex: false });
  });

  it.each([
    ['current 20-year card', '2016-05-01', '2036-05-01', { valid_date: true, valid_validity_period: true }],
    ['expired 10-year card', '2004-08-26', '2014-08-26', { valid_date: false, valid_validity_period: true }],
    ['valid for life', '2008-03-17', '长期', { valid_date: true, valid_validity_period: true }],
    ['a 7-year term no law allows', '2020-01-01', '2027-01-01', { valid_date: true, valid_validity_period: false }],
    ['not yet valid', '2027-01-01', '2037-01-01', { valid_date: false, valid_validity_period: true }],
    ['not a date', '2020-02-30', '2030-02-28', { valid_date: false, valid_validity_period: false }],
  ])('back: %s', (_what, valid_from, valid_to, want) => {
    expect(backChecks({ valid_from, valid_to }, today)).toEqual(want);
  });
});
