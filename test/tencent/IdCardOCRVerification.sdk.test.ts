import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/** IdCardOCRVerification through the faceid client of tencentcloud-sdk-nodejs (TC3 signing). */
type Verification = Record<string, string | number | undefined>;

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const card = (seed: string, markers?: Record<string, string | string[]>): string => makeCardImage({ seed, markers }).toString('base64');
const verify = (req: Record<string, unknown>, headers?: Record<string, string>, s: TestServer = server): Promise<Verification> =>
  faceidClient(s.endpoint, { headers }).IdCardOCRVerification(req) as Promise<Verification>;
const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR

describe('IdCardOCRVerification: a person read by IDCardOCR is on record', () => {
  it('verifies the name IDCardOCR read with Result 0, another name with -1', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('register-1') });
    const ok = await verify({ Name: read.Name, IdCard: read.IdNum });
    expect(ok).toMatchObject({ Result: '0', Description: '姓名和身份证号一致', Name: read.Name, IdCard: read.IdNum, Sex: '', Nation: '', Birth: '', Address: '' });
    const other = await verify({ Name: read.Name === '张伟' ? '李娜' : '张伟', IdCard: read.IdNum });
    expect(other).toMatchObject({ Result: '-1', Description: '姓名和身份证号不一致' });
  });

  it('writes Description in the language the client asks for (X-TC-Language), whatever the flavour', async () => {
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card('register-lang') });
    const en = await faceidClient(server.endpoint, { language: 'en-US' }).IdCardOCRVerification({ Name: read.Name, IdCard: read.IdNum });
    expect(en).toMatchObject({ Result: '0', Description: 'Name and identity card number match' });
    const zh = await faceidClient(server.endpoint, { language: 'zh-CN' }).IdCardOCRVerification({ Name: read.Name, IdCard: read.IdNum });
    expect(zh.Description).toBe('姓名和身份证号一致');
  });

  it('reads the same person from the same image as IDCardOCR (Sex, Nation, Birth, Address)', async () => {
    const image = card('same-person');
    const read = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const v = await verify({ ImageBase64: image });
    expect(v).toMatchObject({ Result: '0', Name: read.Name, IdCard: read.IdNum, Sex: read.Sex, Nation: read.Nation, Birth: read.Birth, Address: read.Address });
    expect(String(v.Portrait)).toMatch(/^\/9j\//);
  });

  it('puts Name+IdCard before ImageBase64, and ImageBase64 before ImageUrl', async () => {
    const typed = await verify({ Name: '韦小宝', IdCard: '110101198003074413', ImageBase64: 'not base64 at all' });
    expect(typed).toMatchObject({ Result: '0', Name: '韦小宝', Sex: '' });
    const image = card('priority');
    const fromBase64 = await verify({ ImageBase64: image });
    const both = await verify({ ImageBase64: image, ImageUrl: 'https://example.com/other.jpg' });
    expect(both.IdCard).toBe(fromBase64.IdCard);
  });

  it('answers the documented parameter error when neither Name+IdCard nor an image is sent', async () => {
    expect((await sdkError(verify({}))).code).toBe('InvalidParameter');
    expect((await sdkError(verify({ Name: '韦小宝' }))).code).toBe('InvalidParameter');
  });

  it('knows the person a scenario declares (scenarios/.../wei-xiaobao.json)', async () => {
    expect((await verify({ Name: '韦小宝', IdCard: '110101198003074413' })).Result).toBe('0');
    expect((await verify({ Name: '韦大宝', IdCard: '110101198003074413' })).Result).toBe('-1');
  });
});

describe('IdCardOCRVerification: Result codes from real checks', () => {
  it.each([
    ['the vendor example number (wrong check digit)', '11204416541220243X'],
    ['the vendor failure example', '11204416541220243Y'],
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

  it('-7 past the daily limit per name, and again 0 the next day (emulator clock)', async () => {
    let clock = Date.UTC(2026, 2, 1, 4); // 12:00 on 1 March in China; auth off: the SDK signs with the real clock
    const s = await startServer({ rateLimit: false, auth: 'off', now: () => clock });
    try {
      const limit = s.runtime.data.apis.get('tencent:IdCardOCRVerification')!.results.limits!.perDay.Name!;
      for (let i = 0; i < limit; i++) s.runtime.state.register.countToday('20260301', 'Name:王小明');
      expect(await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, s)).toMatchObject({ Result: '-7', Description: '认证次数超过当日限制' });
      clock += 24 * 3600 * 1000;
      expect((await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, undefined, s)).Result).toBe('0');
    } finally {
      await s.close();
    }
  });

  it.each(['-4', '-6', '-7', '-1'])('result:%s is a success answer with that Result', async (code) => {
    const v = await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { 'X-Mock-Scenario': `result:${code}` });
    expect(v.Result).toBe(code);
    expect(v.Description).toBe(server.runtime.data.apis.get('tencent:IdCardOCRVerification')!.results.results[code]!.zh);
  });
});

describe('IdCardOCRVerification: domestic-only Config and outputs', () => {
  it('reports Warnings (|-joined) and Quality for an image when Config asks', async () => {
    const config = JSON.stringify({ CopyWarn: true, BorderCheckWarn: true, Quality: true });
    const v = await verify({ ImageBase64: card('warn'), Config: config }, { 'X-Mock-Scenario': 'warning:-9102,warning:-9101,warning:-9103' });
    expect(v.Warnings).toBe('-9102|-9101');
    expect(Number(v.Quality)).toBeGreaterThanOrEqual(50);
    const blurry = await verify({ ImageBase64: card('warn'), Config: config }, { 'X-Mock-Scenario': 'blurry' });
    expect(blurry.Warnings).toBe('-8001');
    expect(Number(blurry.Quality)).toBeLessThan(50);
  });

  it('omits Portrait, Warnings and Quality for intl, with English Descriptions', async () => {
    const intl = await startServer({ rateLimit: false, flavor: 'intl' });
    try {
      const v = await verify({ ImageBase64: card('intl'), Config: JSON.stringify({ Quality: true }) }, undefined, intl);
      expect(Object.keys(v).sort()).toEqual(['Address', 'Birth', 'Description', 'IdCard', 'Name', 'Nation', 'RequestId', 'Result', 'Sex']);
      expect(v.Description).toBe('Name and identity card number match');
    } finally {
      await intl.close();
    }
  });
});

describe('IdCardOCRVerification: real image problems', () => {
  const call = (req: Record<string, unknown>) => sdkError(verify(req));
  it('maps each to its vendor code', async () => {
    expect((await call({ ImageBase64: '' })).code).toBe('FailedOperation.EmptyImageError');
    expect((await call({ ImageBase64: 'bm90IGFuIGltYWdl' })).code).toBe('FailedOperation.ImageDecodeFailed');
    expect((await call({ ImageBase64: card('b', { side: 'BACK' }) })).code).toBe('FailedOperation.ImageNoIdCard');
    expect((await call({ ImageBase64: card('m', { card: 'macao' }) })).code).toBe('FailedOperation.ImageNoIdCard');
    expect((await call({ ImageBase64: Buffer.alloc(3 * 1024 * 1024, 1).toString('base64') })).code).toBe('FailedOperation.ImageSizeTooLarge');
    expect((await call({ ImageBase64: card('c'), Config: '{oops' })).code).toBe('InvalidParameter');
  });
});

describe('IdCardOCRVerification: every action error code is reachable by name', () => {
  it('has the 18 documented codes and answers each', async () => {
    const api = server.runtime.data.apis.get('tencent:IdCardOCRVerification')!;
    const codes = Object.keys(api.errors);
    expect(codes).toHaveLength(18);
    for (const code of codes) {
      const err = await sdkError(verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { 'X-Mock-Scenario': code }));
      expect(err.code).toBe(code);
      expect(err.message).toBe(api.errors[code]!.en);
    }
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
