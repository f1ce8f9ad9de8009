import { describe, expect, it } from 'vitest';
import { verificationResult, type VerificationInput } from '../../src/actions/verificationResult.ts';
import { IdentityRegister, declaredNames } from '../../src/state/identityRegister.ts';
import { loadData } from '../../src/data/loadData.ts';

// The rules are the API's data (results.json), with the daily limits made small.
const results = { ...loadData(new URL('../../', import.meta.url).pathname).apis.get('tencent:IdCardOCRVerification')!.results, limits: { result: '-7', perDay: { Name: 2, IdCard: 3 } } };

const ID = '110101198003074413';
const base = (over: Partial<VerificationInput> = {}): VerificationInput => ({
  name: '韦小宝', idCard: ID, register: new IdentityRegister(declaredNames([{ name: '韦小宝', idNum: ID }])),
  results, day: '20260301', strict: false, scope: 'IdCardOCRVerification', ...over,
});

describe('verificationResult', () => {
  it('checks the ID number, then the name, then the register', async () => {
    expect(await verificationResult(base())).toBe('0');
    expect(await verificationResult(base({ name: '韦大宝' }))).toBe('-1');
    expect(await verificationResult(base({ idCard: '110101198003074414' }))).toBe('-2');
    expect(await verificationResult(base({ idCard: '1101011980030744' }))).toBe('-2');
    expect(await verificationResult(base({ name: '韦3' }))).toBe('-3');
    expect(await verificationResult(base({ name: '' }))).toBe('-3');
    expect(await verificationResult(base({ name: '阿依古丽·买买提', idCard: '110101199003070038' }))).toBe('0'); // minority names keep their middle dot
  });

  it('answers -5 for a valid ID not on record only when strict', async () => {
    const unknown = '110101199003070038';
    expect(await verificationResult(base({ idCard: unknown }))).toBe('0');
    expect(await verificationResult(base({ idCard: unknown, strict: true }))).toBe('-5');
  });

  it('answers the limit result past the per-day count of a value, and restarts each day', async () => {
    const register = new IdentityRegister();
    const id = '110101199003070038';
    const run = (day: string) => verificationResult(base({ register, idCard: id, day }));
    expect([await run('20260301'), await run('20260301'), await run('20260301')]).toEqual(['0', '0', '-7']);
    expect(await run('20260302')).toBe('0');
  });

  it('keeps declared persons across reset, but not remembered ones', async () => {
    const register = new IdentityRegister(declaredNames([{ name: '韦小宝', idNum: ID }]));
    await register.remember('110101199003070038', '王小明');
    await register.reset();
    expect(await register.nameOf(ID)).toBe('韦小宝');
    expect(await register.nameOf('110101199003070038')).toBeUndefined();
  });
});
