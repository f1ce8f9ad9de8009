import { describe, expect, it } from 'vitest';
import { isBankCardNumber, mobileCarrier } from '../../src/identity/index.ts';
import { sniffVideo } from '../../src/images/sniffVideo.ts';

// The checks behind the element verifications and LivenessCompare's video, each on the cases that tell
// its rule apart (the SDK tests in test/verification.sdk.test.ts and test/tencent/ show the codes).
describe('mobileCarrier (libphonenumber carrier/en/86.txt, longest prefix first)', () => {
  it.each([
    ['13800138000', 'mobile'], ['13012345678', 'unicom'], ['13312345678', 'telecom'],
    ['15012345678', 'mobile'], ['15312345678', 'telecom'], ['15512345678', 'unicom'], // 15 is China Mobile's, 153 and 155 are not
    ['13401234567', 'mobile'], ['17001234567', 'telecom'], ['17041234567', 'unicom'], // four-digit prefixes
    ['19212345678', 'broadnet'], ['16137688175', 'broadnet'],
  ])('%s is %s', (phone, carrier) => expect(mobileCarrier(phone)).toBe(carrier));

  it.each(['14012345678', '10012345678', '12012345678'])('%s is well-formed but no carrier serves it', (phone) => expect(mobileCarrier(phone)).toBeNull());

  it.each(['', '1380013800', '138001380001', '23800138000', '+8613800138000', '138-0013-8000', '1380013800x'])('%j is not a mobile number', (phone) =>
    expect(mobileCarrier(phone)).toBeUndefined());
});

describe('isBankCardNumber (13 to 19 digits, Luhn)', () => {
  // 13 digits (a Visa test number), the vendor examples' 16, and 19 (a UnionPay length): valid, and invalid once the last digit changes.
  it.each(['4222222222222', '6225768888888888', '6226090210146748', '6212260000000000000'])('%s passes, and fails with any other last digit', (card) => {
    expect(isBankCardNumber(card)).toBe(true);
    for (const d of '0123456789') if (d !== card.at(-1)) expect(isBankCardNumber(card.slice(0, -1) + d), d).toBe(false);
  });

  it('takes the vendor examples\' cards, refuses a wrong last digit, a wrong length and separators', () => {
    expect(isBankCardNumber('6225768888888888')).toBe(true);
    expect(isBankCardNumber('6225768888888880')).toBe(false);
    expect(isBankCardNumber('622576888888')).toBe(false); // 12 digits
    expect(isBankCardNumber('62257688888888888888')).toBe(false); // 20 digits
    expect(isBankCardNumber('6225 7688 8888 8888')).toBe(false);
  });
});

describe('sniffVideo (the container from its first bytes)', () => {
  const bytes = (s: string) => Buffer.from(s, 'latin1');
  it.each([
    ['an ISO base media file (ftyp box)', '\0\0\0\x18ftypisom\0\0\0\0isomiso2', 'mp4'],
    ['a QuickTime-branded one', '\0\0\0\x14ftypqt  \0\0\0\0qt  ', 'mp4'],
    ['RIFF AVI', 'RIFF\x24\0\0\0AVI LIST', 'avi'],
    ['FLV version 1', 'FLV\x01\x05\0\0\0\x09', 'flv'],
    ['RIFF WAVE (not a video)', 'RIFF\x24\0\0\0WAVEfmt ', undefined],
    ['WebM', '\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81', undefined],
    ['FLV of another version', 'FLV\x02\x05\0\0\0\x09', undefined],
    ['a JPEG', '\xff\xd8\xff\xe0\0\x10JFIF\0\x01', undefined],
    ['too short to tell', '\0\0\0\x18ftyp', undefined],
  ])('%s is %s', (_what, head, format) => expect(sniffVideo(bytes(head))).toBe(format));
});
