import { hash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { callAlibaba, id2MetaVerify, recognizeIdcard } from '../helpers/alibabaClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { isValidIdNumber, personFor } from '../../src/identity/index.ts';
import { loadData } from '../../src/data/loadData.ts';

// The official Node SDKs (@alicloud/ocr-api20210707, @alicloud/cloudauth20190307), unmodified, pointed
// at the emulator with `endpoint` and `protocol: 'http'`: what a user's program sees.
const data = loadData(new URL('../../', import.meta.url).pathname);
const front = makeCardImage({ seed: 'alibaba-sdk', markers: { card: 'mainland', side: 'front' } });
const back = makeCardImage({ seed: 'alibaba-sdk', markers: { card: 'mainland', side: 'back' } });

interface SdkError { name: string; code: string; statusCode: number; data: Record<string, string>; message: string }
const failure = (p: Promise<unknown>): Promise<SdkError> => p.then(() => { throw new Error('expected the SDK to throw'); }, (e: unknown) => e as SdkError);
const parsed = (body: unknown): { data: Record<string, Record<string, unknown>> } => JSON.parse((body as { data: string }).data) as { data: Record<string, Record<string, unknown>> };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.close());

describe('RecognizeIdcard', () => {
  it('reads the portrait side: the person the image shows, with a valid ID number, in Data (a JSON string)', async () => {
    const r = await recognizeIdcard(server.endpoint, { image: front });
    expect(r.statusCode).toBe(200);
    expect(r.body?.requestId).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(typeof r.body?.data).toBe('string');
    const face = parsed(r.body).data.face!;
    const text = face.data as Record<string, string>;
    const person = personFor(hash('sha256', front, 'hex'), 'idcard-mock', new Date(server.runtime.clock.now()));
    expect(text).toEqual({
      name: person.name, sex: person.sex, ethnicity: person.nation, address: person.address, idNumber: person.idNum,
      birthDate: `${person.birth.year}年${person.birth.month}月${person.birth.day}日`,
    });
    expect(isValidIdNumber(text.idNumber!)).toBe(true);
    expect(face).not.toHaveProperty('warning');
    expect(face).not.toHaveProperty('figure');
    expect(r.body).not.toHaveProperty('code');
  });

  it('reads the back: the issuing authority and the validity term of the same generator', async () => {
    const r = await recognizeIdcard(server.endpoint, { image: back });
    const side = parsed(r.body).data;
    expect(Object.keys(side)).toEqual(['back']);
    const text = side.back!.data as Record<string, string>;
    expect(text.issueAuthority).toMatch(/公安局|分局/);
    expect(text.validPeriod).toMatch(/^\d{4}\.\d{2}\.\d{2}-(\d{4}\.\d{2}\.\d{2}|长期)$/);
  });

  it('reports the quality checks only with OutputQualityInfo, and a photocopy as isCopy 1 and ftype 1', async () => {
    const plain = parsed((await recognizeIdcard(server.endpoint, { image: front, outputQualityInfo: true, outputFigure: true })).body).data.face!;
    expect(plain.warning).toMatchObject({ isCopy: 0, isReshoot: 0 });
    expect((plain.warning as Record<string, number>).tamperScore).toBeLessThan(60);
    expect(plain.figure).toHaveLength(1);
    const copy = parsed((await recognizeIdcard(server.endpoint, { image: front, outputQualityInfo: true }, { headers: { 'X-Mock-Scenario': 'warning:copy' } })).body).data.face!;
    expect(copy).toMatchObject({ ftype: 1, warning: { isCopy: 1 } });
    const tampered = parsed((await recognizeIdcard(server.endpoint, { image: front, outputQualityInfo: true }, { headers: { 'X-Mock-Scenario': 'tampered' } })).body).data.face!;
    expect((tampered.warning as Record<string, number>).tamperScore).toBeGreaterThanOrEqual(60);
  });

  it('both Url and a body: the body is read, and X-Mock-Notice says so', async () => {
    const r = await recognizeIdcard(server.endpoint, { image: front, url: 'https://example.com/other.jpg' });
    expect(parsed(r.body).data.face!.data).toMatchObject({ idNumber: personFor(hash('sha256', front, 'hex'), 'idcard-mock', new Date(server.runtime.clock.now())).idNum });
    expect(r.headers?.['x-mock-notice']).toMatch(/both Url and the body were sent/);
  });

  it('a long-term card scenario answers the back with 长期', async () => {
    const r = await recognizeIdcard(server.endpoint, { url: 'https://example.com/card.jpg?mock-scenario=long-term-card' });
    expect(parsed(r.body).data.back!.data).toMatchObject({ validPeriod: '2008.03.17-长期' });
  });
});

describe('Id2MetaVerify', () => {
  // What it shares with Tencent's verification APIs (the register, BizCode 1/2/3, --strict-register, result:
  // and error codes by name): test/verification.sdk.test.ts. Here what only it does.
  it('refuses md5 (two-factor verification takes plain values only) and a missing parameter with the business codes, HTTP 200', async () => {
    const md5 = await id2MetaVerify(server.endpoint, { paramType: 'md5', userName: '张三', identifyNum: '11010519491231002X' });
    expect([md5.statusCode, md5.body?.code, md5.body?.message]).toEqual([200, '401', '参数非法']);
    const missing = await id2MetaVerify(server.endpoint, { paramType: 'normal', userName: '张三' });
    expect([missing.statusCode, missing.body?.code, missing.body?.message, missing.body?.resultObject]).toEqual([200, '400', '参数不能为空', undefined]);
  });
});

describe('every documented error code, through the SDK, by X-Mock-Scenario', () => {
  const apis = [...data.apis.values()].filter((a) => a.meta.provider === 'alibaba');
  const cases = apis.flatMap((api) => Object.entries({ ...data.commonErrors.alibaba, ...api.errors }).map(([code, entry]) => [`${api.meta.action} ${code}`, api, code, entry] as const));

  it.each(cases)('%s', async (_n, api, code, entry) => {
    const params = api.meta.action === 'RecognizeIdcard' ? { Url: 'https://example.com/card.jpg' } : { ParamType: 'normal', UserName: '张三', IdentifyNum: '11010519491231002X' };
    const call = callAlibaba(server.endpoint, api.meta.action, params, { headers: { 'X-Mock-Scenario': code } });
    if (entry.status === 200) {
      // cloudauth's business codes: the normal body, which the SDK returns; the caller reads Code.
      const r = await call;
      expect([r.statusCode, (r.body as { code: string }).code, (r.body as { message: string }).message]).toEqual([200, code, entry.zh]);
      return;
    }
    const e = await failure(call);
    expect(e.code).toBe(code);
    expect(e.statusCode).toBe(entry.status);
    expect(e.name).toBe(code.includes('Throttling') ? 'ThrottlingError' : entry.status! >= 500 ? 'ServerError' : 'ClientError');
    expect(e.data.Code).toBe(code);
    expect(e.data.HostId).toBe(server.endpoint);
    expect(e.data.Recommend).toBe(`https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${api.meta.service}&requestId=${e.data.RequestId}`);
    expect(e.data.Message).toBe(entry.en);
  });
});
