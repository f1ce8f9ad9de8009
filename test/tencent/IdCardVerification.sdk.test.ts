import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * IdCardVerification (身份信息认证（二要素核验）, faceid 2018-03-01) through the faceid client of
 * tencentcloud-sdk-nodejs (TC3 signing): Name + IdCard (both required), optional Encryption; the answer
 * is only Result, Description and RequestId. Same Result codes and identity register as IdCardOCRVerification.
 */
type Verification = Record<string, string | undefined>;

// The catalogs are read as files: the test holds the emulator to the data, not to its own loader.
const read = (p: string) => JSON.parse(readFileSync(new URL(`../../schemas/tencent/faceid/IdCardVerification/${p}`, import.meta.url), 'utf8'));
const actionErrors: Record<string, { en: string; zh: string }> = read('errors.json').errors;
const results: Record<string, { en: string; zh: string }> = read('results.json').results;

let server: TestServer;
let publicKey: string;
beforeAll(async () => {
  server = await startServer({ rateLimit: false });
  publicKey = await (await fetch(`${server.url}/__mock/encryption/public-key`)).text();
});
afterAll(() => server.close());

const card = (seed: string): string => makeCardImage({ seed }).toString('base64');
// Requests are built loosely on purpose (some tests leave out a required field); the SDK sends what it gets.
const verify = (req: Record<string, unknown>, headers?: Record<string, string>, s: TestServer = server): Promise<Verification> =>
  faceidClient(s.endpoint, { headers }).IdCardVerification(req as { IdCard: string; Name: string }) as Promise<Verification>;
const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR
const ANSWER_KEYS = ['Description', 'RequestId', 'Result'];

describe('IdCardVerification: a person read by IDCardOCR is on record', () => {
  it('verifies the name IDCardOCR read with Result 0, another name with -1, and answers only Result, Description, RequestId', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('iv-register-1') });
    const ok = await verify({ Name: read.Name, IdCard: read.IdNum });
    expect(ok).toMatchObject({ Result: '0', Description: '姓名和身份证号一致' });
    expect(Object.keys(ok).sort()).toEqual(ANSWER_KEYS);
    const other = await verify({ Name: read.Name === '张伟' ? '李娜' : '张伟', IdCard: read.IdNum });
    expect(other).toMatchObject({ Result: '-1', Description: '姓名和身份证号不一致' });
    expect(Object.keys(other).sort()).toEqual(ANSWER_KEYS);
  });

  it('shares the register with IdCardOCRVerification: a person it read from an image is on record', async () => {
    const seen = await faceidClient(server.endpoint).IdCardOCRVerification({ ImageBase64: card('iv-register-2') });
    expect((await verify({ Name: seen.Name, IdCard: seen.IdCard })).Result).toBe('0');
  });

  it('knows the person a scenario declares (scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json)', async () => {
    expect((await verify({ Name: '韦小宝', IdCard: '110101198003074413' })).Result).toBe('0');
    expect((await verify({ Name: '韦大宝', IdCard: '110101198003074413' })).Result).toBe('-1');
  });

  it('writes Description in the language the client asks for (X-TC-Language)', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('iv-lang') });
    const en = faceidClient(server.endpoint, { language: 'en-US' });
    expect(await en.IdCardVerification({ Name: read.Name!, IdCard: read.IdNum! })).toMatchObject({ Result: '0', Description: results['0']!.en });
    expect(await en.IdCardVerification({ Name: '另一人', IdCard: read.IdNum! })).toMatchObject({ Result: '-1', Description: results['-1']!.en });
    const zh = await faceidClient(server.endpoint, { language: 'zh-CN' }).IdCardVerification({ Name: read.Name!, IdCard: read.IdNum! });
    expect(zh.Description).toBe(results['0']!.zh);
  });
});

describe('IdCardVerification: Result codes from real checks', () => {
  it.each([
    ['the vendor example number (wrong check digit; the vendor example answers 0)', '11204416541220243X'],
    ['17 characters', '11010119800307441'],
    ['letters', '11010119800307441A'],
  ])('-2 for %s', async (_what, idCard) => {
    expect(await verify({ Name: '韦小宝', IdCard: idCard })).toMatchObject({ Result: '-2', Description: '非法身份证号（长度、校验位等不正确）' });
  });

  it.each([['empty', ''], ['digits', '张3'], ['symbols', '张#三'], ['too long', '张'.repeat(31)]])('-3 for a name with %s', async (_what, name) => {
    expect(await verify({ Name: name, IdCard: VALID_UNKNOWN_ID })).toMatchObject({ Result: '-3', Description: '非法姓名（长度、格式等不正确）' });
  });

  it('0 for a valid ID not on record by default, -5 with --strict-register', async () => {
    expect((await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID })).Result).toBe('0');
    const strict = await startServer({ rateLimit: false, strictRegister: true });
    try {
      expect(await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, strict)).toMatchObject({ Result: '-5', Description: '证件库中无此身份证记录' });
      expect((await verify({ Name: '韦小宝', IdCard: '110101198003074413' }, undefined, strict)).Result).toBe('0');
    } finally {
      await strict.close();
    }
  });

  it.each([
    ['Name', 'Name:王小明'],
    ['IdCard', `IdCard:${VALID_UNKNOWN_ID}`],
  ])('-7 past the daily limit per %s, and again 0 the next day (emulator clock)', async (param, key) => {
    let clock = Date.UTC(2026, 2, 1, 4); // 12:00 on 1 March in China; auth off: the SDK signs with the real clock
    const s = await startServer({ rateLimit: false, auth: 'off', now: () => clock });
    try {
      const limit = s.runtime.data.apis.get('tencent:IdCardVerification')!.results.limits!.perDay[param]!;
      for (let i = 0; i < limit; i++) s.runtime.state.register.countToday('20260301', key);
      expect(await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, s)).toMatchObject({ Result: '-7', Description: '认证次数超过当日限制' });
      clock += 24 * 3600 * 1000;
      expect((await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, s)).Result).toBe('0');
    } finally {
      await s.close();
    }
  });

  it.each(Object.keys(results))('result:%s is a success answer with that Result', async (code) => {
    const v = await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { 'X-Mock-Scenario': `result:${code}` });
    expect(v).toMatchObject({ Result: code, Description: results[code]!.zh });
    expect(Object.keys(v).sort()).toEqual(ANSWER_KEYS);
  });
});

describe('IdCardVerification: parameters', () => {
  it('requires both Name and IdCard, and has no image parameters', async () => {
    expect(await sdkError(verify({ Name: '韦小宝' }))).toMatchObject({ code: 'MissingParameter' });
    expect(await sdkError(verify({ IdCard: VALID_UNKNOWN_ID }))).toMatchObject({ code: 'MissingParameter' });
    expect(await sdkError(verify({ Name: '韦小宝', IdCard: VALID_UNKNOWN_ID, ImageBase64: card('iv-no-image') }))).toMatchObject({ code: 'UnknownParameter' });
    expect(await sdkError(verify({ Name: '韦小宝', IdCard: VALID_UNKNOWN_ID, Config: '{}' }))).toMatchObject({ code: 'UnknownParameter' });
  });
});

/**
 * Encryption as the vendor documents it (https://cloud.tencent.com/document/product/1007/47180): a random
 * AES-256 key wrapped with the service's public key (here the emulator's published TEST key, keys/), each
 * listed field AES-256-CBC with the caller's 16-character Iv.
 */
const IV = 'idcard-mock-iv16';
function encrypt(fields: Record<string, string>, key = randomBytes(32), oaepHash = 'sha256') {
  const blob = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, key).toString('base64');
  const enc = (v: string): string => {
    const c = createCipheriv('aes-256-cbc', key, Buffer.from(IV));
    return Buffer.concat([c.update(v, 'utf8'), c.final()]).toString('base64');
  };
  return {
    params: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, enc(v)])),
    Encryption: { EncryptList: Object.keys(fields), CiphertextBlob: blob, Iv: IV, Algorithm: 'AES-256-CBC' },
  };
}

describe('IdCardVerification with Encryption', () => {
  it('serves the published test public key', () => expect(publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/));

  it('decrypts Name and IdCard made with the test key and verifies them (0, then -1, then -2)', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('iv-enc') });
    const ok = encrypt({ Name: read.Name!, IdCard: read.IdNum! });
    const v = await verify({ ...ok.params, Encryption: ok.Encryption });
    expect(v.Result).toBe('0');
    expect(Object.keys(v).sort()).toEqual(ANSWER_KEYS); // nothing echoed, unlike IdCardOCRVerification
    const sha1 = encrypt({ Name: '另一人', IdCard: read.IdNum! }, randomBytes(32), 'sha1');
    expect((await verify({ ...sha1.params, Encryption: sha1.Encryption })).Result).toBe('-1');
    const onlyId = encrypt({ IdCard: '11204416541220243Y' });
    expect((await verify({ Name: '韦小宝', ...onlyId.params, Encryption: onlyId.Encryption })).Result).toBe('-2');
  });

  it('treats a CiphertextBlob not made with the test key, and SM4-GCM, as opaque', async () => {
    const foreign = { EncryptList: ['Name', 'IdCard'], CiphertextBlob: randomBytes(256).toString('base64'), Iv: IV };
    expect((await verify({ Name: 'b3BhcXVl', IdCard: 'b3BhcXVl', Encryption: foreign })).Result).toBe('0');
    const sm4 = { ...foreign, Algorithm: 'SM4-GCM', TagList: ['dGFn', 'dGFn'] };
    expect((await verify({ Name: 'b3BhcXVl', IdCard: 'b3BhcXVl', Encryption: sm4 })).Result).toBe('0');
  });

  it('answers FailedOperation.DecryptSystemError when the test key is used but a field does not decrypt', async () => {
    const ok = encrypt({ Name: '韦小宝', IdCard: '110101198003074413' });
    expect((await sdkError(verify({ ...ok.params, Name: 'bm90IGVuY3J5cHRlZA==', Encryption: ok.Encryption }))).code).toBe('FailedOperation.DecryptSystemError');
    const shortKey = { ...ok.Encryption, CiphertextBlob: publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, randomBytes(16)).toString('base64') };
    expect((await sdkError(verify({ ...ok.params, Encryption: shortKey }))).code).toBe('FailedOperation.DecryptSystemError');
  });

  it('validates the Encryption object', async () => {
    const ok = encrypt({ Name: '韦小宝', IdCard: '110101198003074413' });
    const call = (enc: Record<string, unknown>) => sdkError(verify({ ...ok.params, Encryption: enc }));
    expect((await call({ ...ok.Encryption, EncryptList: ['Phone'] })).code).toBe('InvalidParameter.UnsupportEncryptField');
    expect((await call({ ...ok.Encryption, Iv: 'short' })).code).toBe('InvalidParameterValue');
    expect((await call({ ...ok.Encryption, Algorithm: 'DES' })).code).toBe('InvalidParameterValue');
    const { Iv: _iv, ...noIv } = ok.Encryption;
    expect((await call(noIv)).code).toBe('MissingParameter');
  });
});

describe('IdCardVerification: every action error code is reachable by name', () => {
  it('has the 11 documented codes', () => {
    expect(Object.keys(actionErrors)).toHaveLength(11);
  });

  it.each(Object.entries(actionErrors))('%s', async (code, { en, zh }) => {
    const e = await sdkError(verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { 'X-Mock-Scenario': code }));
    expect(e.code).toBe(code);
    expect(e.message).toBe(en);
    const z = await sdkError(faceidClient(server.endpoint, { language: 'zh-CN', headers: { 'X-Mock-Scenario': code } })
      .IdCardVerification({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }));
    expect(z.message).toBe(zh);
  });

  it('limits each SecretId to the documented 100 requests per second', async () => {
    const limited = await startServer();
    try {
      const calls = Array.from({ length: 110 }, () => verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, limited).then(() => 'ok', (e: { code: string }) => e.code));
      const outcomes = await Promise.all(calls);
      expect(outcomes.filter((o) => o === 'ok').length).toBe(100);
      expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set(['RequestLimitExceeded']));
    } finally {
      await limited.close();
    }
  });
});
