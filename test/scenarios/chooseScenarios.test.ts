import { describe, expect, it } from 'vitest';
import { chooseScenarios, type ScenarioRequest } from '../../src/pipeline/chooseScenarios.ts';
import type { Binding } from '../../src/state/bindings.ts';
import { loadData } from '../../src/data/loadData.ts';
import type { ApiDefinition, Scenario } from '../../src/data/types.ts';

// The chooser is a pure function: the documented order, table-driven. File scenarios are added to a
// copy of IDCardOCR's definition so the table can say exactly what each rule sees.
const data = loadData(new URL('../../', import.meta.url).pathname);
const base = data.apis.get('tencent:IDCardOCR')!;
const file = (s: Partial<Scenario> & { name: string }): Scenario => ({ description: s.name, source: `test/${s.name}`, ...s });
const api: ApiDefinition = {
  ...base,
  scenarios: new Map([
    ...base.scenarios,
    ...[
      file({ name: 'back-side', when: { params: { CardSide: 'BACK' } }, response: { Authority: 'X' } }),
      file({ name: 'for-ci', when: { caller: 'AKID-CI' }, error: 'FailedOperation.OcrFailed' }),
      file({ name: 'by-header', when: { headers: { 'x-app': 'beta' } }, warnings: ['copy'] }),
      file({ name: 'twice', times: 2, error: 'FailedOperation.ImageBlur' }),
      file({ name: 'throttle-then-ok', steps: [{ error: 'RequestLimitExceeded' }, { error: 'RequestLimitExceeded' }, {}] }),
      file({ name: 'once-then-over', steps: [{ error: 'InternalError' }], repeatLast: false }),
    ].map((s) => [s.name, s] as const),
  ]),
};
const bind = (b: Omit<Binding, 'id'>, id = 1): Binding => ({ ...b, id });

function choose(over: Partial<ScenarioRequest>, counts: Record<string, number> = {}) {
  return chooseScenarios({
    api, apis: data.apis.values(), flavor: 'domestic', header: [], markers: [], params: {}, headers: {}, caller: 'AKID-A', ...over,
  }, (k) => counts[k] ?? 0);
}

describe('chooseScenarios: the order', () => {
  it.each([
    ['nothing: the default', {}, 'default', [], undefined],
    ['the header first', { header: ['FailedOperation.ImageBlur'], markers: ['FailedOperation.OcrFailed'], binding: bind({ scenario: 'InternalError' }) }, 'header', ['FailedOperation.ImageBlur'], 'FailedOperation.ImageBlur'],
    ['then an in-band marker', { markers: ['FailedOperation.OcrFailed'], binding: bind({ scenario: 'InternalError' }) }, 'marker', ['FailedOperation.OcrFailed'], 'FailedOperation.OcrFailed'],
    ['then the caller\'s binding', { binding: bind({ scenario: 'InternalError' }), active: bind({ scenario: 'FailedOperation.ImageBlur' }, 2) }, 'binding', ['InternalError'], 'InternalError'],
    ['then the active scenario', { active: bind({ scenario: 'FailedOperation.ImageBlur' }), params: { CardSide: 'BACK' } }, 'active', ['FailedOperation.ImageBlur'], 'FailedOperation.ImageBlur'],
    ['then a `when` on parameters', { params: { CardSide: 'BACK' } }, 'when', ['back-side'], undefined],
    ['a `when` on the caller', { caller: 'AKID-CI' }, 'when', ['for-ci'], 'FailedOperation.OcrFailed'],
    ['a `when` on a header', { headers: { 'x-app': 'beta' } }, 'when', ['by-header'], undefined],
    ['a binding naming a scenario this API lacks falls through, with a notice', { binding: bind({ scenario: 'AIS.0103' }), caller: 'AKID-CI' }, 'when', ['for-ci'], 'FailedOperation.OcrFailed'],
  ] as const)('%s', (_name, over, rule, names, error) => {
    const c = choose(over as Partial<ScenarioRequest>);
    expect(c.rule).toBe(rule);
    expect(c.names).toEqual(names);
    expect(c.error).toBe(error);
  });

  it('says why a binding did not apply', () => {
    expect(choose({ binding: bind({ scenario: 'AIS.0103' }) }).notices).toEqual(['scenario AIS.0103 does not apply to IDCardOCR']);
  });

  it('an unknown name in the header is an error listing the valid names', () => {
    expect(() => choose({ header: ['no-such'] })).toThrow(expect.objectContaining({ role: 'unknownScenario', vars: expect.objectContaining({ name: 'no-such' }) }));
  });
});

describe('chooseScenarios: times and steps, per caller', () => {
  it.each([
    ['times: fires while the caller has uses left', { 'IDCardOCR:twice:AKID-A:times': 1 }, 'header', 'FailedOperation.ImageBlur', ['IDCardOCR:twice:AKID-A:times']],
    ['times: then falls through', { 'IDCardOCR:twice:AKID-A:times': 2 }, 'default', undefined, []],
  ] as const)('%s', (_n, counts, rule, error, consume) => {
    const c = choose({ header: ['twice'] }, counts);
    expect([c.rule, c.error, c.consume]).toEqual([rule, error, consume]);
  });

  it.each([
    [0, 'RequestLimitExceeded'],
    [1, 'RequestLimitExceeded'],
    [2, undefined],
    [7, undefined],
  ])('steps: position %i answers %s, and the last step repeats', (position, error) => {
    const c = choose({ header: ['throttle-then-ok'] }, { 'IDCardOCR:throttle-then-ok:AKID-A:step': position });
    expect(c.error).toBe(error);
    expect(c.consume).toEqual(['IDCardOCR:throttle-then-ok:AKID-A:step']);
  });

  it('repeatLast false: after the last step the request falls through', () => {
    expect(choose({ header: ['once-then-over'] }).error).toBe('InternalError');
    const after = choose({ header: ['once-then-over'] }, { 'IDCardOCR:once-then-over:AKID-A:step': 1 });
    expect([after.rule, after.error]).toEqual(['default', undefined]);
    expect(after.notices).toEqual(['the steps of scenario once-then-over are over (repeatLast false)']);
  });

  it('a binding\'s steps and times count per binding and caller', () => {
    const b = bind({ steps: [{ scenario: 'FailedOperation.ImageBlur' }, {}], times: 3 }, 9);
    expect(choose({ binding: b }).consume).toEqual(['binding:9:AKID-A:times', 'binding:9:AKID-A:step']);
    expect(choose({ binding: b }, { 'binding:9:AKID-A:step': 0 }).error).toBe('FailedOperation.ImageBlur');
    expect(choose({ binding: b }, { 'binding:9:AKID-A:step': 1 }).error).toBeUndefined();
    expect(choose({ binding: b }, { 'binding:9:AKID-A:times': 3 }).rule).toBe('default');
  });
});

describe('chooseScenarios: the shared warning names', () => {
  it.each([
    ['warning:copy', 'domestic', ['-9102']],
    ['warning:invalid-date', 'domestic', ['-9109']],
    ['warning:invalid-date', 'intl', ['-9100']],
    ['warning:-9102', 'domestic', ['-9102']],
  ] as const)('%s on %s is %o', (name, flavor, codes) => {
    expect(choose({ header: [name], flavor }).warnings).toEqual(codes);
  });

  it('a name this API cannot express is an error naming the APIs that can', () => {
    // The APIs whose warnings.json gives some code the shared name `blur`, from the data (so a new API counts).
    const able = [...data.apis.values()].filter((a) => Object.values(a.warnings).some((w) => w.name === 'blur')).map((a) => a.meta.action).sort();
    expect(able).toEqual(expect.arrayContaining(['IdCardOCRVerification', 'RecognizeIdCard', 'RecognizeIdcard', 'RecognizeMacaoIDCardOCR']));
    expect(() => choose({ header: ['warning:blur'] })).toThrow(expect.objectContaining({
      role: 'inexpressibleWarning', vars: expect.objectContaining({ apis: able.join(', ') }),
    }));
  });

  it('a scenario file may name warnings by the shared names', () => {
    expect(choose({ headers: { 'x-app': 'beta' } }).warnings).toEqual(['-9102']);
  });
});
