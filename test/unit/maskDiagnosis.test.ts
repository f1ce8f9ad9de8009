import { describe, expect, it } from 'vitest';
import { maskDiagnosis } from '../../src/journalEntries/maskDiagnosis.ts';

const schema = { type: 'object', properties: { IdCard: { type: 'string', 'x-personal': 'idNumber' }, Name: { type: 'string', 'x-personal': 'name' } } };

describe('maskDiagnosis', () => {
  it('masks the personal values of a v1 string to sign and a canonical query, and nothing else', () => {
    const d = maskDiagnosis({
      cause: 'wrong secret key',
      stringToSign: 'POSTfaceid.tencentcloudapi.com/?Action=IdCardVerification&IdCard=110101198003074413&Name=%E9%9F%A6%E5%B0%8F%E5%AE%9D&Nonce=1',
      canonicalRequest: 'GET\n/\nIdCard=110101198003074413&Region=ap-guangzhou\ncontent-type:application/json',
    }, schema as never);
    expect(d.stringToSign).toBe('POSTfaceid.tencentcloudapi.com/?Action=IdCardVerification&IdCard=**************4413&Name=韦**&Nonce=1');
    expect(d.canonicalRequest).toBe('GET\n/\nIdCard=**************4413&Region=ap-guangzhou\ncontent-type:application/json');
  });

  it('takes linear time on a long parameter value without `=` (a v1 image in Base64): it once took a minute on 300 KB', () => {
    const image = 'iVBORw0KGgo'.repeat(30_000);
    const started = performance.now();
    const d = maskDiagnosis({ cause: 'x', stringToSign: `POST/?Action=IDCardOCR&ImageBase64=${image}%2B${image}&Nonce=1` }, schema as never);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d.stringToSign).toMatch(/^POST\/\?Action=IDCardOCR&ImageBase64=<image unreadable \d+ bytes sha256:[0-9a-f]{12}>&Nonce=1$/);
  });
});
