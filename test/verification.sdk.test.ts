import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { standingClock, startServer, type TestServer } from './helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError } from './helpers/tencentClients.ts';
import { callAlibaba, recognizeIdcard } from './helpers/alibabaClients.ts';
import { makeCardImage } from '../src/images/makeCardImage.ts';
import { encryptWithTestKey, testPublicKey, type Encrypted } from './helpers/encryptWithTestKey.ts';

/**
 * What the name + ID number verification APIs share, one table for all of them, each through its vendor's
 * SDK: Tencent's two FaceID APIs (faceid 2018-03-01, tencentcloud-sdk-nodejs, TC3 signing),
 * IdCardOCRVerification (身份证识别及信息核验, Name+IdCard or an image) and IdCardVerification
 * (身份信息认证（二要素核验）, Name+IdCard only), and Alibaba's Id2MetaVerify (身份二要素核验, cloudauth
 * 2019-03-07, @alicloud/cloudauth20190307, ACS3 signing). The same identity register and the same rule
 * (src/actions/verificationResult.ts), each with its own codes; the name rules, daily limits, per-second
 * limit and Description where the API's data has them. What only one of them does:
 * IdCardOCRVerification.sdk.test.ts, IdCardVerification.sdk.test.ts, test/alibaba/sdk.test.ts.
 */
type Catalog = Record<string, { en: string; zh: string; status?: number }>;
interface Options { language?: 'en-US' | 'zh-CN'; headers?: Record<string, string> }
/** One verification as the caller reads it: the result code, the Description if the API has one, the whole answer. */
interface Verified { code: string; description?: string; answer: Record<string, unknown> }
interface Person { name: string; idNum: string }

// The catalogs are read as files: the test holds the emulator to the data, not to its own loader.
const read = (dir: string, file: string) => JSON.parse(readFileSync(new URL(`../schemas/${dir}/${file}`, import.meta.url), 'utf8'));

const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR
const SCENARIO_PERSON = { name: '韦小宝', idCard: '110101198003074413' }; // scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json
const card = (seed: string): Buffer => makeCardImage({ seed, markers: { card: 'mainland', side: 'front' } });

type TencentCodes = { match: string; mismatch?: string; invalidId?: string; invalidName?: string; noRecordStrict: string; overLimit?: string };
interface TencentRow {
  /** The request for a name and ID number: the API's own parameters, its other elements valid (a China Mobile number, a Luhn-valid card). */
  request?: (name: string, idCard: string) => Record<string, unknown>;
  /** The keys of an answer (besides an echo of Name and IdCard): those with no other key. */
  answerKeys?: string[];
  /** The echo IdCardOCRVerification gives: Name and IdCard as sent, the OCR fields empty. */
  echoes?: boolean;
  /** The documented requests per second (action.json rateLimit; https://cloud.tencent.com/document/api/1007/31320). */
  perSecond: number;
}

/** A valid China Mobile number (138, libphonenumber's carrier table) and the vendor examples' Luhn-valid card. */
const PHONE = '13800138000';
const BANK_CARD = '6225768888888888';

const tencent = (action: string, codes: TencentCodes, o: TencentRow) => ({
  name: `tencent ${action}`,
  dir: `tencent/faceid/${action}`,
  key: `tencent:${action}`,
  codes,
  /** The person the vendor's own OCR reads from a card. */
  readCard: async (s: TestServer, seed: string): Promise<Person> => {
    const r = await ocrClient(s.endpoint).IDCardOCR({ ImageBase64: card(seed).toString('base64') });
    return { name: r.Name!, idNum: r.IdNum! };
  },
  /** The parameters sent for a name and an ID number. */
  requestFor: (name: string, idCard: string): Record<string, unknown> => o.request?.(name, idCard) ?? { Name: name, IdCard: idCard },
  verify: async (s: TestServer, name: string, idCard: string, opts: Options = {}): Promise<Verified> => {
    // Requests are built loosely on purpose; the SDK sends what it gets.
    const request = o.request?.(name, idCard) ?? { Name: name, IdCard: idCard };
    const v = await (faceidClient(s.endpoint, opts) as unknown as Record<string, (r: unknown) => Promise<Record<string, string>>>)[action]!(request);
    return { code: v.Result!, description: v.Description, answer: v };
  },
  /** What a Name+IdCard answer holds besides the result: the echo (Sex, Nation, Birth, Address only when it read an image), or the API's fields. */
  expectAnswer: (v: Verified, name: string, idCard: string): void => {
    if (o.echoes) expect(v.answer).toMatchObject({ Name: name, IdCard: idCard, Sex: '', Nation: '', Birth: '', Address: '' });
    else expect(Object.keys(v.answer).sort()).toEqual(['Description', 'RequestId', 'Result', ...(o.answerKeys ?? [])].sort());
  },
  /** An error asked for by name, as the SDK throws it, in the language asked for. */
  error: async (s: TestServer, code: string, opts: Options): Promise<{ code: string; message: string }> =>
    sdkError((faceidClient(s.endpoint, opts) as unknown as Record<string, (r: unknown) => Promise<unknown>>)[action]!(o.request?.('王小明', VALID_UNKNOWN_ID) ?? { Name: '王小明', IdCard: VALID_UNKNOWN_ID })),
  describes: true,
  zhErrors: true,
  perSecond: o.perSecond,
});

const ID_CODES = { match: '0', mismatch: '-1', invalidId: '-2', invalidName: '-3', noRecordStrict: '-5', overLimit: '-7' };
const APIS = [
  { ...tencent('IdCardOCRVerification', ID_CODES, { echoes: true, perSecond: 100 }), errorCount: 18 },
  { ...tencent('IdCardVerification', ID_CODES, { perSecond: 100 }), errorCount: 11 },
  // The element verifications (ElementsVerification): phone and bank-card numbers valid, the result decided by name and ID number.
  { ...tencent('PhoneVerification', { match: '0', mismatch: '-4', invalidId: '-7', invalidName: '-8', noRecordStrict: '-9', overLimit: '-12' },
    { request: (Name, IdCard) => ({ Name, IdCard, Phone: PHONE }), answerKeys: ['Isp'], perSecond: 20 }), errorCount: 10 },
  { ...tencent('CheckPhoneAndName', { match: '0', invalidName: '-4', noRecordStrict: '-1', overLimit: '-6' },
    { request: (Name) => ({ Name, Mobile: PHONE }), perSecond: 20 }), errorCount: 9 },
  { ...tencent('MobileStatus', { match: '0', noRecordStrict: '-1', overLimit: '-4' },
    { request: () => ({ Mobile: PHONE }), answerKeys: ['StatusCode'], perSecond: 20 }), errorCount: 10 },
  { ...tencent('BankCard4EVerification', { match: '0', mismatch: '-6', invalidId: '-3', invalidName: '-2', noRecordStrict: '-1', overLimit: '-19' },
    { request: (Name, IdCard) => ({ Name, IdCard, Phone: PHONE, BankCard: BANK_CARD }), perSecond: 20 }), errorCount: 10 },
  { ...tencent('BankCardVerification', { match: '0', mismatch: '-1', invalidId: '-3', invalidName: '-2', noRecordStrict: '-1', overLimit: '-18' },
    { request: (Name, IdCard) => ({ Name, IdCard, BankCard: BANK_CARD }), perSecond: 20 }), errorCount: 10 },
  { ...tencent('BankCard2EVerification', { match: '0', invalidName: '-2', noRecordStrict: '-1', overLimit: '-17' },
    { request: (Name) => ({ Name, BankCard: BANK_CARD }), perSecond: 20 }), errorCount: 10 },
  {
    name: 'alibaba Id2MetaVerify',
    dir: 'alibaba/cloudauth/Id2MetaVerify',
    key: 'alibaba:Id2MetaVerify',
    // No name rules and no daily limits in its data; an invalid number and an unknown one under --strict-register are both "no record".
    codes: { match: '1', mismatch: '2', invalidId: '3', invalidName: undefined, noRecordStrict: '3', overLimit: undefined },
    requestFor: (name: string, idCard: string): Record<string, unknown> => ({ ParamType: 'normal', UserName: name, IdentifyNum: idCard }),
    readCard: async (s: TestServer, seed: string): Promise<Person> => {
      const r = await recognizeIdcard(s.endpoint, { image: card(seed) });
      const face = (JSON.parse(r.body!.data!) as { data: { face: { data: { name: string; idNumber: string } } } }).data.face.data;
      return { name: face.name, idNum: face.idNumber };
    },
    verify: async (s: TestServer, name: string, idCard: string, o: Options = {}): Promise<Verified> => {
      const r = await callAlibaba(s.endpoint, 'Id2MetaVerify', { ParamType: 'normal', UserName: name, IdentifyNum: idCard }, { headers: o.headers });
      const body = r.body as { code?: string; resultObject?: { bizCode?: string } };
      return { code: body.resultObject!.bizCode!, answer: body as Record<string, unknown> };
    },
    // The normal body: Code 200, Message success, and ResultObject with BizCode only.
    expectAnswer: (v: Verified): void => {
      expect(v.answer).toMatchObject({ code: '200', message: 'success' });
      expect(Object.keys(v.answer.resultObject as object)).toEqual(['bizCode']);
    },
    // cloudauth's business codes come in the normal body (HTTP 200, returned); the gateway's are thrown.
    error: async (s: TestServer, code: string, o: Options): Promise<{ code: string; message: string }> => {
      const call = callAlibaba(s.endpoint, 'Id2MetaVerify', { ParamType: 'normal', UserName: '王小明', IdentifyNum: VALID_UNKNOWN_ID }, { headers: o.headers });
      return call.then(
        (r) => ({ code: (r.body as { code: string }).code, message: (r.body as { message: string }).message }),
        (e: { code: string; data: { Message: string } }) => ({ code: e.code, message: e.data.Message }));
    },
    // No Description; the service's Message is Chinese whatever the client (errors.json: en repeats zh).
    describes: false,
    zhErrors: false,
    errorCount: 8,
  },
] as const;

let server: TestServer;
// A standing clock: a card that expires on the clock's day is shown renewed (startServer.ts standingClock).
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

describe.each(APIS)('$name', (row) => {
  const { codes } = row;
  const resultsFile = read(row.dir, 'results.json');
  const results: Catalog = resultsFile.results;
  const errors: Catalog = read(row.dir, 'errors.json').errors;
  const verify = (name: string, idCard: string, o: Options = {}, s: TestServer = server): Promise<Verified> => row.verify(s, name, idCard, o);
  const expectResult = (v: Verified, code: string, language: 'en' | 'zh' = 'zh'): void => {
    expect(v.code).toBe(code);
    if (row.describes) expect(v.description).toBe(results[code]![language]);
  };

  it('has the codes this table names in its results.json', () => {
    for (const code of Object.values(codes)) if (code !== undefined) expect(results, code).toHaveProperty([code]);
    expect(resultsFile.register).toMatchObject({ match: codes.match, notOnRecordStrict: codes.noRecordStrict });
    // No mismatch where no ID number is verified: the register cannot tell one.
    expect(resultsFile.register.mismatch).toBe(codes.mismatch);
  });

  // Only the APIs that take an ID number: the register holds names by ID number.
  describe.runIf(codes.mismatch !== undefined)('a person read by the vendor\'s OCR is on record', () => {
    it('verifies the name the OCR read as a match, another name as a mismatch', async () => {
      const person = await row.readCard(server, `${row.key}-register`);
      const ok = await verify(person.name, person.idNum);
      expectResult(ok, codes.match);
      row.expectAnswer(ok, person.name, person.idNum);
      const otherName = person.name === '张伟' ? '李娜' : '张伟';
      const other = await verify(otherName, person.idNum);
      expectResult(other, codes.mismatch!);
      row.expectAnswer(other, otherName, person.idNum);
    });

    it.runIf(row.describes)('writes Description in the language the client asks for (X-TC-Language)', async () => {
      const person = await row.readCard(server, `${row.key}-lang`);
      expectResult(await verify(person.name, person.idNum, { language: 'en-US' }), codes.match, 'en');
      expectResult(await verify('另一人', person.idNum, { language: 'en-US' }), codes.mismatch!, 'en');
      expectResult(await verify(person.name, person.idNum, { language: 'zh-CN' }), codes.match, 'zh');
    });

    it('knows the person a scenario declares (scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json)', async () => {
      expectResult(await verify(SCENARIO_PERSON.name, SCENARIO_PERSON.idCard), codes.match);
      expectResult(await verify('韦大宝', SCENARIO_PERSON.idCard), codes.mismatch!);
    });
  });

  describe('result codes from real checks', () => {
    it.runIf(codes.invalidId !== undefined).each([
      ['the Tencent vendor example number (wrong check digit; the vendor example answers 0)', '11204416541220243X'],
      ['the Tencent vendor failure example', '11204416541220243Y'],
      ['17 characters', '11010119800307441'],
      ['letters', '11010119800307441A'],
    ])(`${codes.invalidId} for %s`, async (_what, idCard) => {
      expectResult(await verify('韦小宝', idCard), codes.invalidId!);
    });

    it.runIf(codes.invalidName !== undefined).each([['empty', ''], ['digits', '张3'], ['symbols', '张#三'], ['too long', '张'.repeat(31)]])(
      `${codes.invalidName} for a name with %s`, async (_what, name) => {
        expectResult(await verify(name, VALID_UNKNOWN_ID), codes.invalidName!);
      });

    it(`${codes.match} for a valid ID not on record by default, ${codes.noRecordStrict} with --strict-register`, async () => {
      expectResult(await verify('王小明', VALID_UNKNOWN_ID), codes.match);
      const strict = await startServer({ rateLimit: false, strictRegister: true });
      try {
        expectResult(await verify('王小明', VALID_UNKNOWN_ID, {}, strict), codes.noRecordStrict);
        // A person on record (an API without an ID number has nothing to look up: no record).
        if (codes.mismatch !== undefined) expectResult(await verify(SCENARIO_PERSON.name, SCENARIO_PERSON.idCard, {}, strict), codes.match);
      } finally {
        await strict.close();
      }
    });

    // Each parameter the API's daily limits name, counted per API (test/unit/verificationResult.test.ts: per value).
    it.runIf(codes.overLimit !== undefined).each(Object.keys(resultsFile.limits?.perDay ?? {}))(
      `${codes.overLimit} past the daily limit per %s, and again ${codes.match} the next day (emulator clock); another API's count is its own`, async (param) => {
        let clock = Date.UTC(2026, 2, 1, 4); // 12:00 on 1 March in China; auth off: the SDK signs with the real clock
        const s = await startServer({ rateLimit: false, auth: 'off', now: () => clock });
        try {
          const limit = s.runtime.data.apis.get(row.key)!.results.limits!.perDay[param]!;
          const key = `${row.key.split(':')[1]}:${param}:${String(row.requestFor('王小明', VALID_UNKNOWN_ID)[param])}`;
          for (let i = 0; i < limit; i++) await s.runtime.state.register.countToday('20260301', key);
          expectResult(await verify('王小明', VALID_UNKNOWN_ID, {}, s), codes.overLimit!);
          if (row.key !== 'tencent:IdCardVerification') expect((await faceidClient(s.endpoint).IdCardVerification({ Name: '王小明', IdCard: VALID_UNKNOWN_ID })).Result).toBe('0');
          clock += 24 * 3600 * 1000;
          expectResult(await verify('王小明', VALID_UNKNOWN_ID, {}, s), codes.match);
        } finally {
          await s.close();
        }
      });

    it.runIf(codes.overLimit === undefined)('has no daily limits in its data', () => {
      expect(server.runtime.data.apis.get(row.key)!.results.limits).toBeUndefined();
    });

    it.each(Object.keys(results))('result:%s is a success answer with that result', async (code) => {
      const v = await verify('王小明', VALID_UNKNOWN_ID, { headers: { 'X-Mock-Scenario': `result:${code}` } });
      expectResult(v, code);
      row.expectAnswer(v, '王小明', VALID_UNKNOWN_ID);
    });
  });

  describe('every action error code is reachable by name', () => {
    it(`has the ${row.errorCount} documented codes`, () => {
      expect(Object.keys(errors)).toHaveLength(row.errorCount);
    });

    it.each(Object.entries(errors))(`%s, in English${row.zhErrors ? ' and Chinese' : ''}`, async (code, { en, zh }) => {
      const headers = { 'X-Mock-Scenario': code };
      expect(await row.error(server, code, { headers })).toMatchObject({ code, message: en });
      if (row.zhErrors) expect((await row.error(server, code, { language: 'zh-CN', headers })).message).toBe(zh);
    });

    it('is limited per credential as its data says (none: 110 requests in one second all answered); the next second takes requests again', async () => {
      // The emulator's clock, moved by the test: all the requests fall in one second, however slow the
      // machine. Auth off: the SDK signs with the real clock.
      let clock = Date.UTC(2026, 2, 1, 4, 0, 0, 500);
      const limited = await startServer({ auth: 'off', now: () => clock });
      try {
        const api = limited.runtime.data.apis.get(row.key)!;
        const rule = api.meta.rateLimit ?? limited.runtime.data.providers[api.meta.provider]!.limits.rateLimit;
        const rateLimited = limited.runtime.data.providers[api.meta.provider]!.roles.rateLimited;
        const points = rule ? rule.points : 100;
        if ('perSecond' in row) expect(rule).toEqual({ points: row.perSecond, seconds: 1 }); // the documented limit per second
        const call = () => verify('王小明', VALID_UNKNOWN_ID, {}, limited).then(() => 'ok', (e: { code: string }) => e.code);
        const outcomes = await Promise.all(Array.from({ length: points + 10 }, call));
        if (rule) {
          expect(outcomes.filter((o) => o === 'ok').length).toBe(points);
          expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set([rateLimited]));
        } else {
          expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
        }
        clock += (rule ? rule.seconds : 1) * 1000;
        expect(await call()).toBe('ok');
      } finally {
        await limited.close();
      }
    });
  });
});

/**
 * What the element verifications check besides name and ID number (ElementsVerification, each rule and
 * code its results.json): the phone number is a Chinese mobile number (11 digits beginning with 1) of a
 * prefix libphonenumber's carrier table allocates to a carrier the API verifies (src/identity/data/
 * mobileCarriers.json), the bank card number has 13 to 19 digits and a valid Luhn check digit, the
 * document type is 0 (身份证). One row per case: the API, what is sent, what comes back.
 */
describe('the element verifications check the phone, the bank card and the document type', () => {
  const WEI = { Name: SCENARIO_PERSON.name, IdCard: SCENARIO_PERSON.idCard }; // on record (scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json)
  const call = async (action: string, req: Record<string, unknown>, o: Options = {}): Promise<Record<string, unknown>> =>
    (faceidClient(server.endpoint, o) as unknown as Record<string, (r: unknown) => Promise<Record<string, unknown>>>)[action]!(req);
  const results = (action: string): Catalog => read(`tencent/faceid/${action}`, 'results.json').results;

  it.each([
    ['PhoneVerification', 'a China Mobile number', { ...WEI, Phone: '13800138000' }, { Result: '0', Isp: '移动' }],
    ['PhoneVerification', 'a China Unicom number', { ...WEI, Phone: '13012345678' }, { Result: '0', Isp: '联通' }],
    ['PhoneVerification', 'a China Telecom number (153 in 15x, China Mobile\'s)', { ...WEI, Phone: '15312345678' }, { Result: '0', Isp: '电信' }],
    ['PhoneVerification', '10 digits', { ...WEI, Phone: '1380013800' }, { Result: '-6', Isp: '' }],
    ['PhoneVerification', 'a landline', { ...WEI, Phone: '01062345678' }, { Result: '-6', Isp: '' }],
    ['PhoneVerification', 'an unallocated prefix', { ...WEI, Phone: '14012345678' }, { Result: '-13', Isp: '' }],
    ['PhoneVerification', 'the vendor example\'s 161, China Broadnet\'s (no Isp value for it)', { ...WEI, Phone: '16137688175' }, { Result: '-13', Isp: '' }],
    ['PhoneVerification', 'a China Broadnet number (no Isp value for it)', { ...WEI, Phone: '19212345678' }, { Result: '-13', Isp: '' }],
    ['PhoneVerification', 'another name, 详版', { ...WEI, Name: '韦大宝', Phone: '13800138000', VerifyMode: '1' }, { Result: '-4', ResultDetail: 'NameIdCardMismatch' }],
    ['PhoneVerification', 'a match, 详版', { ...WEI, Phone: '13800138000', VerifyMode: '1' }, { Result: '0', ResultDetail: '' }],
    ['CheckPhoneAndName', 'a served number', { Name: '王小明', Mobile: '18612345678' }, { Result: '0' }],
    ['CheckPhoneAndName', 'not a mobile number', { Name: '王小明', Mobile: '8612345678' }, { Result: '-5' }],
    ['CheckPhoneAndName', 'an unallocated prefix', { Name: '王小明', Mobile: '14012345678' }, { Result: '-13' }],
    ['MobileStatus', 'a served number', { Mobile: '13912345678' }, { Result: '0', StatusCode: 0 }],
    ['MobileStatus', 'not a mobile number (StatusCode 99, as the vendor example)', { Mobile: '1391234567a' }, { Result: '-2', StatusCode: 99 }],
    ['MobileStatus', 'an unallocated prefix', { Mobile: '14012345678' }, { Result: '-13', StatusCode: 99 }],
    ['MobileStatus', 'a China Broadnet number (the vendor example\'s 161)', { Mobile: '16137688175' }, { Result: '-13', StatusCode: 99 }],
    ['BankCard4EVerification', 'the vendor examples\' cards', { ...WEI, Phone: PHONE, BankCard: '6226090210146748', CertType: 0 }, { Result: '0' }],
    ['BankCard4EVerification', 'a wrong Luhn digit', { ...WEI, Phone: PHONE, BankCard: '6225768888888889' }, { Result: '-4' }],
    ['BankCard4EVerification', '12 digits', { ...WEI, Phone: PHONE, BankCard: '622576888888' }, { Result: '-4' }],
    ['BankCard4EVerification', 'a phone that is not a mobile number', { ...WEI, Phone: '010-6234567', BankCard: BANK_CARD }, { Result: '-5' }],
    ['BankCard4EVerification', 'CertType 1', { ...WEI, Phone: PHONE, BankCard: BANK_CARD, CertType: 1 }, { Result: '-20' }],
    ['BankCardVerification', 'a wrong Luhn digit', { ...WEI, BankCard: '6226090210146749' }, { Result: '-4' }],
    ['BankCardVerification', 'CertType 2', { ...WEI, BankCard: BANK_CARD, CertType: 2 }, { Result: '-19' }],
    ['BankCard2EVerification', 'a wrong Luhn digit', { Name: '王小明', BankCard: '6225768888888880' }, { Result: '-3' }],
    ['BankCard2EVerification', 'letters', { Name: '王小明', BankCard: '6225-7688-8888-8888' }, { Result: '-3' }],
  ] as const)('%s, %s', async (action, _what, req, expected) => {
    const v = await call(action, req);
    expect(v).toMatchObject({ ...expected, Description: results(action)[expected.Result]!.zh });
  });

  it('names the carrier in English for an English client (the intl doc: mobile, telecom, cucc)', async () => {
    expect(await call('PhoneVerification', { ...WEI, Phone: '13012345678' }, { language: 'en-US' })).toMatchObject({ Result: '0', Isp: 'cucc' });
  });

  it('leaves ResultDetail out without VerifyMode 1 (简版)', async () => {
    expect(Object.keys(await call('PhoneVerification', { ...WEI, Name: '韦大宝', Phone: PHONE }))).not.toContain('ResultDetail');
  });

  it.each([['out-of-service', 1], ['cancelled', 2], ['not-on-network', 4], ['unusable', 5]] as const)(
    'MobileStatus scenario %s: Result 0 with StatusCode %i', async (scenario, status) => {
      expect(await call('MobileStatus', { Mobile: PHONE }, { headers: { 'X-Mock-Scenario': scenario } })).toMatchObject({ Result: '0', StatusCode: status });
    });

  describe('Encryption (https://cloud.tencent.com/document/product/1007/47180) with the published test key', () => {
    const encrypt = async (fields: Record<string, string>): Promise<Encrypted> => encryptWithTestKey(await testPublicKey(server.url), fields);
    /** PhoneVerification's form: the Encryption members as top-level parameters, and no Algorithm. */
    const topLevel = ({ Encryption: { EncryptList, CiphertextBlob, Iv } }: Encrypted) => ({ EncryptList, CiphertextBlob, Iv });

    it('PhoneVerification: CiphertextBlob, EncryptList and Iv as top-level parameters, the values checked once decrypted', async () => {
      const ok = await encrypt({ Name: WEI.Name, IdCard: WEI.IdCard, Phone: '13012345678' });
      expect(await call('PhoneVerification', { ...ok.params, ...topLevel(ok) })).toMatchObject({ Result: '0', Isp: '联通' });
      const other = await encrypt({ Name: '韦大宝', Phone: '13012345678' });
      expect(await call('PhoneVerification', { IdCard: WEI.IdCard, ...other.params, ...topLevel(other) })).toMatchObject({ Result: '-4' });
    });

    it('BankCard4EVerification: the Encryption object; a field that cannot be encrypted is InvalidParameter.UnsupportEncryptField', async () => {
      const bad = await encrypt({ BankCard: '6225768888888889' });
      expect(await call('BankCard4EVerification', { ...WEI, Phone: PHONE, ...bad.params, Encryption: bad.Encryption })).toMatchObject({ Result: '-4' });
      const ok = await encrypt({ BankCard: BANK_CARD, Phone: PHONE });
      expect(await call('BankCard4EVerification', { ...WEI, ...ok.params, Encryption: ok.Encryption })).toMatchObject({ Result: '0' });
      const certType = await encrypt({ BankCard: BANK_CARD });
      const encryption = { ...certType.Encryption, EncryptList: ['BankCard', 'CertType'] };
      expect((await sdkError(call('BankCard4EVerification', { ...WEI, Phone: PHONE, ...certType.params, Encryption: encryption }))).code).toBe('InvalidParameter.UnsupportEncryptField');
    });
  });
});
