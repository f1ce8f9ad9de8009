import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// One standing clock for every server here: the same image is the same person on any day, and with the
// same clock the same card dates too (an expired card is shown renewed as of the clock's day).
const now = standingClock();
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, now }); });
afterAll(() => server.close());

const b64 = (b: Buffer) => b.toString('base64');
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
/** A 200x100 24-bit BMP header: enough for the emulator, which reads headers only. */
function bmp(width: number, height: number): Buffer {
  const b = Buffer.alloc(54 + width * height * 3);
  b.write('BM', 0);
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

const call = (req: Record<string, unknown>) => ocrClient(server.endpoint).IDCardOCR(req);
const code = async (req: Record<string, unknown>) => (await sdkError(call(req))).code;

describe('IDCardOCR input checks give the real codes', () => {
  it('JPEG, PNG and BMP are read', async () => {
    for (const image of [makeCardImage({ format: 'jpg' }), makeCardImage({ format: 'png' }), bmp(300, 200)]) {
      expect((await call({ ImageBase64: b64(image) })).IdNum).toMatch(/^\d{17}[\dX]$/);
    }
  });

  it('ImageDecodeFailed: text that is not base64, bytes that are not an image, a GIF', async () => {
    expect(await code({ ImageBase64: 'this is not base64!' })).toBe('FailedOperation.ImageDecodeFailed');
    expect(await code({ ImageBase64: b64(Buffer.from('hello, I am a text file')) })).toBe('FailedOperation.ImageDecodeFailed');
    expect(await code({ ImageBase64: b64(GIF) })).toBe('FailedOperation.ImageDecodeFailed');
  });

  it('EmptyImageError: an empty image, or no image at all', async () => {
    expect(await code({ ImageBase64: '' })).toBe('FailedOperation.EmptyImageError');
    expect(await code({ CardSide: 'FRONT' })).toBe('FailedOperation.EmptyImageError');
  });

  it('IdCardTooSmall: an image too small to hold a card', async () => {
    expect(await code({ ImageBase64: b64(makeCardImage({ width: 40, height: 30 })) })).toBe('FailedOperation.IdCardTooSmall');
  });

  it('ImageSizeTooLarge is checked on the base64 length before decoding (domestic limit 10 MB)', async () => {
    const tight = await startServer({ rateLimit: false, flavor: 'intl' });
    try {
      const err = await sdkError(ocrClient(tight.endpoint).IDCardOCR({ ImageBase64: 'A'.repeat(7 * 1024 * 1024 + 4) }));
      expect(err.code).toBe('FailedOperation.ImageSizeTooLarge');
    } finally {
      await tight.close();
    }
  });

  it('ConfigFormatError: Config that is not JSON, or not JSON of booleans', async () => {
    const image = b64(makeCardImage());
    expect(await code({ ImageBase64: image, Config: '{CropIdCard:true}' })).toBe('InvalidParameter.ConfigFormatError');
    expect(await code({ ImageBase64: image, Config: '{"CropIdCard":"yes"}' })).toBe('InvalidParameter.ConfigFormatError');
  });

  it('InvalidParameterValueLimit: CardSide or CardWarnType outside their values', async () => {
    const image = b64(makeCardImage());
    expect(await code({ ImageBase64: image, CardSide: 'LEFT' })).toBe('InvalidParameterValue.InvalidParameterValueLimit');
    expect(await code({ ImageBase64: image, CardWarnType: 'Extreme' })).toBe('InvalidParameterValue.InvalidParameterValueLimit');
  });

  it('CardSideError: asking for the photo side of an image marked as the emblem side', async () => {
    const back = b64(makeCardImage({ markers: { side: 'BACK' } }));
    expect(await code({ ImageBase64: back, CardSide: 'FRONT' })).toBe('FailedOperation.CardSideError');
  });

  it('ImageNoIdCard: a fixture image of another card', async () => {
    const macao = b64(makeCardImage({ markers: { card: 'macao' } }));
    expect(await code({ ImageBase64: macao })).toBe('FailedOperation.ImageNoIdCard');
  });

  it('a scenario wins over a real input problem: the user asked for that outcome', async () => {
    const client = ocrClient(server.endpoint, { headers: { 'X-Mock-Scenario': 'FailedOperation.OcrFailed' } });
    expect((await sdkError(client.IDCardOCR({ ImageBase64: '!!' }))).code).toBe('FailedOperation.OcrFailed');
  });
});

describe('people are deterministic per seed', () => {
  it('the same image gives the same person on another server with the same seed, another person with another seed', async () => {
    const image = b64(makeCardImage({ seed: 'determinism' }));
    const a = await call({ ImageBase64: image });
    const same = await startServer({ rateLimit: false, now });
    const other = await startServer({ rateLimit: false, seed: 'another-population', now });
    try {
      expect(await ocrClient(same.endpoint).IDCardOCR({ ImageBase64: image })).toMatchObject({ IdNum: a.IdNum, Name: a.Name, Address: a.Address });
      expect((await ocrClient(other.endpoint).IDCardOCR({ ImageBase64: image })).IdNum).not.toBe(a.IdNum);
    } finally {
      await same.close();
      await other.close();
    }
  });
});
