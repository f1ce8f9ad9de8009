import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError, type SignMethod } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { isValidIdNumber } from '../../src/identity/index.ts';

const front = makeCardImage({ seed: 'sdk-front' }).toString('base64');
const back = makeCardImage({ seed: 'sdk-back', markers: { side: 'BACK' } }).toString('base64');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

describe('IDCardOCR through tencentcloud-sdk-nodejs-ocr', () => {
  const styles: [SignMethod, 'POST' | 'GET'][] = [
    ['TC3-HMAC-SHA256', 'POST'], ['TC3-HMAC-SHA256', 'GET'], ['HmacSHA256', 'POST'], ['HmacSHA256', 'GET'], ['HmacSHA1', 'POST'], ['HmacSHA1', 'GET'],
  ];
  it.each(styles)('%s %s: the photo side gives a consistent person', async (signMethod, reqMethod) => {
    // GET carries the image in the query, limited to 32 KB: send a small image there.
    const image = reqMethod === 'GET' ? makeCardImage({ width: 240, height: 150, seed: 'sdk-front' }).toString('base64') : front;
    const r = await ocrClient(server.endpoint, { signMethod, reqMethod }).IDCardOCR({ ImageBase64: image, CardSide: 'FRONT' });
    expect(isValidIdNumber(r.IdNum!)).toBe(true);
    const [y, m, d] = r.Birth!.split('/').map(Number);
    expect(r.IdNum!.slice(6, 14)).toBe(`${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);
    expect(r.Sex).toBe(Number(r.IdNum![16]) % 2 === 1 ? '男' : '女');
    expect(r.Name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    expect(r.Address!.length).toBeGreaterThan(6);
    expect(r.Authority).toBe('');
    expect(r.ValidDate).toBe('');
    expect(JSON.parse(r.AdvancedInfo!)).toEqual({ WarnInfos: [] });
    expect(r.ReflectDetailInfos).toEqual([]);
    expect(r.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('TC3 multipart/form-data (the SDK\'s `multipart` option) is verified over its raw bytes', async () => {
    const client = ocrClient(server.endpoint);
    const r = (await client.request('IDCardOCR', { ImageBase64: front, CardSide: 'FRONT' }, { multipart: true })) as { IdNum: string };
    const plain = await client.IDCardOCR({ ImageBase64: front, CardSide: 'FRONT' });
    expect(r.IdNum).toBe(plain.IdNum);
  });

  it('the same image gives the same person whatever the signing style, and another image another person', async () => {
    const a = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: front });
    const b = await ocrClient(server.endpoint, { signMethod: 'HmacSHA1' }).IDCardOCR({ ImageBase64: front });
    const c = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: makeCardImage({ seed: 'someone-else' }).toString('base64') });
    expect(b.IdNum).toBe(a.IdNum);
    expect(b.Name).toBe(a.Name);
    expect(c.IdNum).not.toBe(a.IdNum);
  });

  it('the emblem side gives the authority and a validity period, other fields empty', async () => {
    const r = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: back, CardSide: 'BACK' });
    expect(r.Authority).toMatch(/公安局/);
    expect(r.ValidDate).toMatch(/^\d{4}\.\d{2}\.\d{2}-(\d{4}\.\d{2}\.\d{2}|长期)$/);
    expect([r.Name, r.Sex, r.Nation, r.Birth, r.Address, r.IdNum]).toEqual(['', '', '', '', '', '']);
  });

  it('auto-detects the side from a fixture image marker', async () => {
    const r = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: back });
    expect(r.Authority).not.toBe('');
    expect(r.Name).toBe('');
  });

  it('crops come back as JPEG images, with Quality and BorderCodeValue', async () => {
    const r = await ocrClient(server.endpoint).IDCardOCR({
      ImageBase64: front,
      Config: JSON.stringify({ CropIdCard: true, CropPortrait: true, Quality: true, BorderCheckWarn: true }),
    });
    const info = JSON.parse(r.AdvancedInfo!);
    for (const key of ['IdCard', 'Portrait']) {
      const img = jpeg.decode(Buffer.from(info[key], 'base64'));
      expect(img.width).toBeGreaterThan(50);
      expect(img.height).toBeGreaterThan(50);
    }
    expect(info.Quality).toBeGreaterThanOrEqual(0);
    expect(info.Quality).toBeLessThanOrEqual(100);
    expect(Number.isInteger(info.BorderCodeValue)).toBe(true);
    expect(info.WarnInfos).toEqual([]);
  });

  it('each Config flag adds its own AdvancedInfo field and no other; the crops and Quality are those every flag gives', async () => {
    const advanced = async (image: string, config: Record<string, boolean>): Promise<Record<string, unknown>> =>
      JSON.parse((await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image, Config: JSON.stringify(config) })).AdvancedInfo!);
    const every = await advanced(front, { CropIdCard: true, CropPortrait: true, Quality: true, BorderCheckWarn: true });
    const own = { CropIdCard: 'IdCard', CropPortrait: 'Portrait', Quality: 'Quality', BorderCheckWarn: 'BorderCodeValue' };
    for (const [flag, field] of Object.entries(own)) {
      const info = await advanced(front, { [flag]: true });
      expect(Object.keys(info).sort(), flag).toEqual([field, 'WarnInfos'].sort());
      if (field !== 'BorderCodeValue') expect(info[field], flag).toEqual(every[field]);
    }
    // The emblem side has no portrait to crop.
    expect(Object.keys(await advanced(back, { CropIdCard: true, CropPortrait: true })).sort()).toEqual(['IdCard', 'WarnInfos']);
  });

  it('MultiCardDetect reads both sides from one image', async () => {
    const r = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: front, Config: JSON.stringify({ MultiCardDetect: true }) });
    expect(r.IdNum).not.toBe('');
    expect(r.ValidDate).not.toBe('');
  });

  it('ImageUrl is not fetched: the URL itself seeds the person', async () => {
    const a = await ocrClient(server.endpoint).IDCardOCR({ ImageUrl: 'https://example.invalid/a.jpg' });
    const b = await ocrClient(server.endpoint).IDCardOCR({ ImageUrl: 'https://example.invalid/a.jpg' });
    expect(isValidIdNumber(a.IdNum!)).toBe(true);
    expect(b.IdNum).toBe(a.IdNum);
  });

  it('messages follow the language: English by default, Chinese with zh-CN', async () => {
    const en = await sdkError(ocrClient(server.endpoint, { language: 'en-US' }).IDCardOCR({ ImageBase64: '!!!' }));
    const zh = await sdkError(ocrClient(server.endpoint, { language: 'zh-CN' }).IDCardOCR({ ImageBase64: '!!!' }));
    expect(en.code).toBe('FailedOperation.ImageDecodeFailed');
    expect(en.message).toBe('Failed to decode the image.');
    expect(zh.code).toBe('FailedOperation.ImageDecodeFailed');
    expect(zh.message).toBe('图片解码失败。');
  });
});

describe('authentication through the SDK', () => {
  it('the well-known SecretId with a wrong key gives AuthFailure.SignatureFailure, in every signing style', async () => {
    for (const signMethod of ['TC3-HMAC-SHA256', 'HmacSHA256', 'HmacSHA1'] as const) {
      const err = await sdkError(ocrClient(server.endpoint, { signMethod, secretKey: 'wrong-key' }).IDCardOCR({ ImageBase64: front }));
      expect(err.code).toBe('AuthFailure.SignatureFailure');
      expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('a clock 10 minutes off gives AuthFailure.SignatureExpire', async () => {
    const skewed = await startServer({ now: () => Date.now() + 10 * 60 * 1000 });
    try {
      for (const signMethod of ['TC3-HMAC-SHA256', 'HmacSHA256'] as const) {
        const err = await sdkError(ocrClient(skewed.endpoint, { signMethod }).IDCardOCR({ ImageBase64: front }));
        expect(err.code).toBe('AuthFailure.SignatureExpire');
      }
    } finally {
      await skewed.close();
    }
  });

  it('lenient mode accepts an unknown SecretId; strict mode does not', async () => {
    const ok = await ocrClient(server.endpoint, { secretId: 'AKIDsomeoneelse', secretKey: 'x' }).IDCardOCR({ ImageBase64: front });
    expect(ok.IdNum).not.toBe('');
    const strict = await startServer({ auth: 'strict' });
    try {
      const err = await sdkError(ocrClient(strict.endpoint, { secretId: 'AKIDsomeoneelse', secretKey: 'x' }).IDCardOCR({ ImageBase64: front }));
      expect(err.code).toBe('AuthFailure.SecretIdNotFound');
      const known = await ocrClient(strict.endpoint).IDCardOCR({ ImageBase64: front });
      expect(known.IdNum).toBe(ok.IdNum);
    } finally {
      await strict.close();
    }
  });
});
