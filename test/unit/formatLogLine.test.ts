import { describe, expect, it } from 'vitest';
import { formatLogLine, type RequestLogEntry } from '../../src/log/formatLogLine.ts';

const entry: RequestLogEntry = {
  time: new Date('2026-03-04T05:06:07.089Z'),
  api: 'IDCardOCR',
  caller: 'AKIDMOCK…0000',
  style: 'TC3-HMAC-SHA256 POST',
  scenario: 'warning:-9102',
  outcome: 'Success',
  status: 200,
  ms: 12.345,
};

describe('formatLogLine', () => {
  it('json: one JSON object on one line, every field, ISO time', () => {
    const line = formatLogLine(entry, 'json');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-03-04T05:06:07.089Z', api: 'IDCardOCR', caller: 'AKIDMOCK…0000', style: 'TC3-HMAC-SHA256 POST',
      scenario: 'warning:-9102', outcome: 'Success', status: 200, ms: 12.3,
    });
  });

  it('pretty: one line, clock time, status, duration, then the fields', () => {
    const line = formatLogLine(entry, 'pretty');
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.089 {2}200 {5}12 ms {2}IDCardOCR +AKIDMOCK…0000 +TC3-HMAC-SHA256 POST +Success +scenario=warning:-9102$/);
  });

  it('pretty: the columns of different requests line up', () => {
    const a = formatLogLine(entry, 'pretty');
    const b = formatLogLine({ ...entry, api: 'RecognizeIdCard', caller: 'MOCKAK…0000', style: 'SDK-HMAC-SHA256', outcome: 'AIS.0103', status: 400, ms: 1234 }, 'pretty');
    for (const [x, y] of [['AKIDMOCK', 'MOCKAK'], ['TC3', 'SDK-'], ['Success', 'AIS.0103']] as const) {
      expect(a.indexOf(x)).toBe(b.indexOf(y));
    }
  });

  it('pretty: an empty field shows as "-", no scenario leaves no column, a long code is never cut', () => {
    const code = 'FailedOperation.WarningServiceFailed.AndSomethingLonger';
    const line = formatLogLine({ ...entry, caller: '', scenario: '', outcome: code }, 'pretty');
    expect(line).toContain(' -  ');
    expect(line.endsWith(code)).toBe(true);
  });
});
