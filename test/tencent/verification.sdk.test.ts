import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient, sdkError, type ClientOptions } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/**
 * What the two FaceID verification APIs (faceid 2018-03-01) share, one table for both, through the faceid
 * client of tencentcloud-sdk-nodejs (TC3 signing): IdCardOCRVerification (身份证识别及信息核验, Name+IdCard
 * or an image) and IdCardVerification (身份信息认证（二要素核验）, Name+IdCard only). The same Result codes,
 * identity register and limits. What only one of them does: IdCardOCRVerification.sdk.test.ts,
 * IdCardVerification.sdk.test.ts.
 */
type Verification = Record<string, string | undefined>;
type Catalog = Record<string, { en: string; zh: string }>;

// The catalogs are read as files: the test holds the emulator to the data, not to its own loader.
const read = (action: string, file: string) => JSON.parse(readFileSync(new URL(`../../schemas/tencent/faceid/${action}/${file}`, import.meta.url), 'utf8'));

const APIS = [
  // Echoes the Name and IdCard it verified; Sex, Nation, Birth and Address only when it read an image.
  { action: 'IdCardOCRVerification', errorCount: 18, echoes: true },
  // Only Result, Description and RequestId.
  { action: 'IdCardVerification', errorCount: 11, echoes: false },
] as const;

const VALID_UNKNOWN_ID = '110101199003070038'; // valid check digit, never issued by our OCR
const SCENARIO_PERSON = { Name: '韦小宝', IdCard: '110101198003074413' }; // scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json
const ANSWER_KEYS = ['Description', 'RequestId', 'Result'];

let server: TestServer;
// A standing clock: the person IDCardOCR reads from an image is drawn per China calendar day.
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

const card = (seed: string): string => makeCardImage({ seed }).toString('base64');

describe.each(APIS)('$action', ({ action, errorCount, echoes }) => {
  const results: Catalog = read(action, 'results.json').results;
  const errors: Catalog = read(action, 'errors.json').errors;
  // Requests are built loosely on purpose; the SDK sends what it gets.
  const verify = (req: Record<string, unknown>, o: ClientOptions = {}, s: TestServer = server): Promise<Verification> =>
    (faceidClient(s.endpoint, o)[action] as (r: unknown) => Promise<Verification>)(req);
  /** What a Name+IdCard answer holds besides Result and Description: the echo, or nothing. */
  const expectAnswer = (v: Verification, name: string, idCard: string): void => {
    if (echoes) expect(v).toMatchObject({ Name: name, IdCard: idCard, Sex: '', Nation: '', Birth: '', Address: '' });
    else expect(Object.keys(v).sort()).toEqual(ANSWER_KEYS);
  };

  describe('a person read by IDCardOCR is on record', () => {
    it('verifies the name IDCardOCR read with Result 0, another name with -1', async () => {
      const person = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card(`${action}-register`) });
      const ok = await verify({ Name: person.Name, IdCard: person.IdNum });
      expect(ok).toMatchObject({ Result: '0', Description: results['0']!.zh });
      expectAnswer(ok, person.Name!, person.IdNum!);
      const otherName = person.Name === '张伟' ? '李娜' : '张伟';
      const other = await verify({ Name: otherName, IdCard: person.IdNum });
      expect(other).toMatchObject({ Result: '-1', Description: results['-1']!.zh });
      expectAnswer(other, otherName, person.IdNum!);
    });

    it('writes Description in the language the client asks for (X-TC-Language)', async () => {
      const person = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: card(`${action}-lang`) });
      const en = { language: 'en-US' } as const;
      expect(await verify({ Name: person.Name, IdCard: person.IdNum }, en)).toMatchObject({ Result: '0', Description: results['0']!.en });
      expect(await verify({ Name: '另一人', IdCard: person.IdNum }, en)).toMatchObject({ Result: '-1', Description: results['-1']!.en });
      expect((await verify({ Name: person.Name, IdCard: person.IdNum }, { language: 'zh-CN' })).Description).toBe(results['0']!.zh);
    });

    it('knows the person a scenario declares (scenarios/tencent/faceid/IdCardOCRVerification/wei-xiaobao.json)', async () => {
      expect((await verify(SCENARIO_PERSON)).Result).toBe('0');
      expect((await verify({ ...SCENARIO_PERSON, Name: '韦大宝' })).Result).toBe('-1');
    });
  });

  describe('Result codes from real checks', () => {
    it.each([
      ['the vendor example number (wrong check digit; the vendor example answers 0)', '11204416541220243X'],
      ['the vendor failure example', '11204416541220243Y'],
      ['17 characters', '11010119800307441'],
      ['letters', '11010119800307441A'],
    ])('-2 for %s', async (_what, idCard) => {
      expect(await verify({ Name: '韦小宝', IdCard: idCard })).toMatchObject({ Result: '-2', Description: results['-2']!.zh });
    });

    it.each([['empty', ''], ['digits', '张3'], ['symbols', '张#三'], ['too long', '张'.repeat(31)]])('-3 for a name with %s', async (_what, name) => {
      expect(await verify({ Name: name, IdCard: VALID_UNKNOWN_ID })).toMatchObject({ Result: '-3', Description: results['-3']!.zh });
    });

    it('0 for a valid ID not on record by default, -5 with --strict-register', async () => {
      expect((await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID })).Result).toBe('0');
      const strict = await startServer({ rateLimit: false, strictRegister: true });
      try {
        expect(await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, {}, strict)).toMatchObject({ Result: '-5', Description: results['-5']!.zh });
        expect((await verify(SCENARIO_PERSON, {}, strict)).Result).toBe('0');
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
        const limit = s.runtime.data.apis.get(`tencent:${action}`)!.results.limits!.perDay[param]!;
        for (let i = 0; i < limit; i++) s.runtime.state.register.countToday('20260301', key);
        expect(await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, {}, s)).toMatchObject({ Result: '-7', Description: results['-7']!.zh });
        clock += 24 * 3600 * 1000;
        expect((await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, {}, s)).Result).toBe('0');
      } finally {
        await s.close();
      }
    });

    it.each(Object.keys(results))('result:%s is a success answer with that Result', async (code) => {
      const v = await verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { headers: { 'X-Mock-Scenario': `result:${code}` } });
      expect(v).toMatchObject({ Result: code, Description: results[code]!.zh });
      expectAnswer(v, '王小明', VALID_UNKNOWN_ID);
    });
  });

  describe('every action error code is reachable by name', () => {
    it(`has the ${errorCount} documented codes`, () => {
      expect(Object.keys(errors)).toHaveLength(errorCount);
    });

    it.each(Object.entries(errors))('%s, in English and Chinese', async (code, { en, zh }) => {
      const scenario = { 'X-Mock-Scenario': code };
      const e = await sdkError(verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { headers: scenario }));
      expect(e).toMatchObject({ code, message: en });
      expect((await sdkError(verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, { language: 'zh-CN', headers: scenario }))).message).toBe(zh);
    });

    it('limits each SecretId to the documented 100 requests per second; the next second takes requests again', async () => {
      // The emulator's clock, moved by the test: all 110 requests fall in one second, however slow the
      // machine. Auth off: the SDK signs with the real clock.
      let clock = Date.UTC(2026, 2, 1, 4, 0, 0, 500);
      const limited = await startServer({ auth: 'off', now: () => clock });
      try {
        const call = () => verify({ Name: '王小明', IdCard: VALID_UNKNOWN_ID }, {}, limited).then(() => 'ok', (e: { code: string }) => e.code);
        const outcomes = await Promise.all(Array.from({ length: 110 }, call));
        expect(outcomes.filter((o) => o === 'ok').length).toBe(100);
        expect(new Set(outcomes.filter((o) => o !== 'ok'))).toEqual(new Set(['RequestLimitExceeded']));
        clock += 1000;
        expect(await call()).toBe('ok');
      } finally {
        await limited.close();
      }
    });
  });
});
