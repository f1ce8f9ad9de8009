import { describe, expect, it } from 'vitest';
import { canonicalQuery, canonicalUris, parseSdkHmac, checkSdkDate, verifySdkHmac } from '../../src/signing/sdkHmac.ts';
import { signRequest, SK } from '../helpers/huaweiSign.ts';
import { AkLockout } from '../../src/state/akLockout.ts';

describe('SDK-HMAC-SHA256 pieces (huaweicloudsdkcore signer.py)', () => {
  it('the canonical URI always ends in /', () => {
    expect(canonicalUris('/v2/pid123/ocr/id-card')).toEqual(['/v2/pid123/ocr/id-card/']);
  });

  it('a percent-encoded path: Python decodes before encoding, Node does not, both accepted', () => {
    expect(canonicalUris('/v2/%7Bproject_id%7D/ocr/id-card')).toEqual(['/v2/%7Bproject_id%7D/ocr/id-card/', '/v2/%257Bproject_id%257D/ocr/id-card/']);
  });

  it('the query is sorted and re-encoded', () => {
    expect(canonicalQuery('name=cn north&a=1')).toBe('a=1&name=cn%20north');
    expect(canonicalQuery('')).toBe('');
  });

  it('verifies a signature with header values trimmed and X-Sdk-Content-Sha256 in place of the body hash', () => {
    const headers = { 'content-type': 'application/json', host: '127.0.0.1:4600', 'x-sdk-date': '20261121T080615Z' };
    const body = Buffer.from('{"image": "x"}');
    const authorization = signRequest({ method: 'POST', path: '/v2/p/ocr/id-card', headers, body });
    const r = { method: 'POST', url: '/v2/p/ocr/id-card', headers: { ...headers, 'content-type': ' application/json ', authorization }, body };
    const auth = parseSdkHmac(r);
    expect(verifySdkHmac(r, auth, SK)).toBe(true);
    expect(verifySdkHmac({ ...r, body: Buffer.from('{"image":"x"}') }, auth, SK)).toBe(false);
    expect(verifySdkHmac({ ...r, headers: { ...r.headers, 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' } }, auth, SK)).toBe(false);
  });

  it('X-Sdk-Date within 15 minutes', () => {
    const auth = { ak: 'a', signedHeaders: [], signature: '', date: '20261121T080615Z' };
    const at = Date.UTC(2026, 10, 21, 8, 6, 15);
    expect(() => checkSdkDate(auth, at + 15 * 60 * 1000, 900)).not.toThrow();
    expect(() => checkSdkDate(auth, at + 15 * 60 * 1000 + 1000, 900)).toThrow();
    expect(() => checkSdkDate({ ...auth, date: "2026-11-21" }, at, 900)).toThrow();
  });
});

describe('AkLockout', () => {
  it('locks after 5 consecutive failures for 5 minutes; a success resets the count', async () => {
    const l = new AkLockout();
    const rule = { failures: 5, seconds: 300 }; // schemas/huawei/provider.json limits.lockout
    for (let i = 0; i < 4; i++) await l.fail('ak', 0, rule);
    await l.succeed('ak');
    expect(await l.fail('ak', 0, rule)).toEqual({ count: 1 });
    expect(await l.lockedUntil('ak', 0)).toBeUndefined();
    for (let i = 0; i < 3; i++) await l.fail('ak', 0, rule);
    expect(await l.fail('ak', 0, rule)).toEqual({ count: 5, lockedUntil: 300_000 });
    expect(await l.lockedUntil('ak', 1000)).toBe(300_000);
    expect(await l.lockedUntil('ak', 5 * 60 * 1000)).toBeUndefined();
  });
});
