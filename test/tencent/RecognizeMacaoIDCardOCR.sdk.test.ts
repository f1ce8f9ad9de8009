import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { intlOcrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';
import { telegraphCode } from '../../src/identity/macao/macaoName.ts';

/** RecognizeMacaoIDCardOCR through tencentcloud-sdk-nodejs-intl-en, with its default v1 HmacSHA256 signing. */
type Text = 'CnLastName' | 'EnLastName' | 'LastNameCode' | 'CnFirstName' | 'EnFirstName' | 'FirstNameCode' | 'ID' | 'Birthday' | 'Sex'
  | 'FirstIssueDate' | 'CurrentIssueDate' | 'ValidityPeriod' | 'Symbol' | 'Height' | 'RetImage' | 'Angle' | 'ResidentType' | 'RequestId';
type Macao = Record<Text, string> & { WarnCardInfos: number[] };

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

const card = (seed: string, markers?: Record<string, string | string[]>): string => makeCardImage({ seed, markers }).toString('base64');
const recognize = (req: Record<string, unknown>, headers?: Record<string, string>): Promise<Macao> =>
  intlOcrClient(server.endpoint, { headers }).call<Macao>('RecognizeMacaoIDCardOCR', req);
const ymd = (dashed: string): number => Number(dashed.split('-').reverse().join(''));
const codes = (chars: string): string => [...chars].map((c) => telegraphCode(c)).join('');

describe('RecognizeMacaoIDCardOCR: the Macao resident in the image', () => {
  it.each(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'])('returns a realistic, consistent card (image %s)', async (seed) => {
    const r = await recognize({ ImageBase64: card(seed) });
    expect(r.ID).toMatch(/^[157]\d{6}\(\d\)$/);
    expect(r.ID.startsWith('7')).toBe(r.ResidentType === '非永久性居民身份证');
    expect(['永久性居民身份证', '非永久性居民身份证']).toContain(r.ResidentType);
    expect(r.LastNameCode).toBe(codes(r.CnLastName));
    expect(r.FirstNameCode).toBe(codes(r.CnFirstName));
    expect(r.EnLastName).toMatch(/^[A-Z]+$/);
    expect(r.EnFirstName.split(' ')).toHaveLength([...r.CnFirstName].length);
    for (const d of [r.Birthday, r.FirstIssueDate, r.CurrentIssueDate, r.ValidityPeriod]) expect(d).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(ymd(r.Birthday)).toBeLessThan(ymd(r.FirstIssueDate));
    expect(ymd(r.FirstIssueDate)).toBeLessThanOrEqual(ymd(r.CurrentIssueDate));
    expect(ymd(r.CurrentIssueDate)).toBeLessThan(ymd(r.ValidityPeriod));
    expect(['M', 'F']).toContain(r.Sex);
    expect(r.Height).toMatch(/^1\.\d{2}$/);
    expect(r.RetImage).toBe('');
    expect(r.WarnCardInfos).toEqual([]);
  });

  it('answers the same person for the same image, whichever the image parameter', async () => {
    const a = await recognize({ ImageBase64: card('same') });
    const b = await recognize({ ImageBase64: card('same'), BackImageBase64: card('back-side') });
    expect({ ...b, RequestId: '' }).toEqual({ ...a, RequestId: '' });
  });

  it('returns the portrait as a JPEG when Config asks for RetImage portrait', async () => {
    const r = await recognize({ ImageBase64: card('p'), Config: JSON.stringify({ RetImage: 'portrait' }) });
    expect(sniffImage(Buffer.from(r.RetImage, 'base64'))?.format).toBe('jpg');
    const none = await recognize({ ImageBase64: card('p'), Config: JSON.stringify({ RetImage: '' }) });
    expect(none.RetImage).toBe('');
  });

  it('reports combined warning scenarios in WarnCardInfos', async () => {
    const r = await recognize({ ImageBase64: card('w') }, { 'X-Mock-Scenario': 'warning:-9101,warning:-9108,warning:-9109' });
    expect(r.WarnCardInfos).toEqual([-9101, -9108, -9109]);
    expect((await recognize({ ImageBase64: card('w') }, { 'X-Mock-Scenario': 'photocopy' })).WarnCardInfos).toEqual([-9102, -9103]);
    const marked = await recognize({ ImageBase64: card('w', { scenario: ['warning:-9107'] }) });
    expect(marked.WarnCardInfos).toEqual([-9107]);
  });
});

describe('RecognizeMacaoIDCardOCR: real input problems', () => {
  const call = (req: Record<string, unknown>) => sdkError(recognize(req));

  it('a mainland ID card fixture is not the specified card', async () => {
    expect((await call({ ImageBase64: card('x', { card: 'mainland' }) })).code).toBe('FailedOperation.ImageNoSpecifiedCard');
    expect((await call({ ImageBase64: card('x'), BackImageBase64: card('y', { card: 'mainland' }) })).code).toBe('FailedOperation.ImageNoSpecifiedCard');
  });

  it('checks format, decoding, emptiness and Config like IDCardOCR', async () => {
    expect((await call({})).code).toBe('FailedOperation.EmptyImageError');
    expect((await call({ ImageBase64: '' })).code).toBe('FailedOperation.EmptyImageError');
    expect((await call({ ImageBase64: Buffer.from('not an image').toString('base64') })).code).toBe('FailedOperation.ImageDecodeFailed');
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    expect((await call({ ImageBase64: gif.toString('base64') })).code).toBe('FailedOperation.ImageDecodeFailed');
    expect((await call({ ImageBase64: card('c'), BackImageBase64: 'bm90IGFuIGltYWdl' })).code).toBe('FailedOperation.ImageDecodeFailed');
    expect((await call({ ImageBase64: card('c'), Config: '{not json' })).code).toBe('InvalidParameter.ConfigFormatError');
    expect((await call({ ImageBase64: card('c'), Config: JSON.stringify({ RetImage: 'landscape' }) })).code).toBe('InvalidParameter.ConfigFormatError');
  });

  it('refuses an image over 7 MB after Base64 (TC3, since v1 POST bodies stop at 1 MB)', async () => {
    const big = Buffer.alloc(7 * 1024 * 1024 + 3, 0x41).toString('base64');
    const err = await sdkError(intlOcrClient(server.endpoint, { signMethod: 'TC3-HMAC-SHA256' }).call('RecognizeMacaoIDCardOCR', { ImageBase64: big }));
    expect(err.code).toBe('LimitExceeded.TooLargeFileError');
  });
});

describe('RecognizeMacaoIDCardOCR: every action error code is reachable by name', () => {
  const actionCodes = (): string[] => Object.keys(server.runtime.data.apis.get('tencent:RecognizeMacaoIDCardOCR')!.errors);

  it('has the 11 documented codes', () => expect(actionCodes()).toHaveLength(11));

  it('answers each with its catalog message', async () => {
    const api = server.runtime.data.apis.get('tencent:RecognizeMacaoIDCardOCR')!;
    for (const code of actionCodes()) {
      const err = await sdkError(recognize({ ImageBase64: card('e') }, { 'X-Mock-Scenario': code }));
      expect(err.code).toBe(code);
      expect(err.message).toBe(api.errors[code]!.en); // node-intl sends Language=en-US
    }
  });
});
