import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { describeComparisonCodes, faceidCatalogs } from '../helpers/faceidCompareTable.ts';
import { faceidClient, sdkError } from '../helpers/tencentClients.ts';
import { makeJpeg } from '../../src/images/makeJpeg.ts';

/**
 * LivenessCompare (活体人脸比对) through the faceid client of tencentcloud-sdk-nodejs: the photo and the
 * video checked as the doc says (jpg/png at most 3 MB; mp4, avi or flv at most 8 MB after Base64),
 * Success with the best frames, every Result value of results.json by scenario, every error by name.
 * The videos are their containers' first bytes: the emulator reads the container, never a frame.
 */
type Answer = Record<string, unknown>;
const { results, action } = faceidCatalogs('LivenessCompare');

const b64 = (s: string | Buffer): string => Buffer.from(s as string, 'latin1').toString('base64');
/** An ISO base media file's first box (ftyp, ISO/IEC 14496-12), a RIFF AVI header, an FLV header, and WebM's EBML magic (not accepted). */
const VIDEOS = {
  mp4: b64('\0\0\0\x18ftypmp42\0\0\0\0mp42isom'),
  avi: b64('RIFF\x24\0\0\0AVI LIST\0\0\0\0'),
  flv: b64('FLV\x01\x05\0\0\0\x09\0\0\0\0'),
  webm: b64('\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01'),
};
const photo = (seed: string, width = 240, height = 320): string => makeJpeg({ width, height, seed, kind: 'portrait' }).toString('base64');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const compare = (req: Record<string, unknown>, headers?: Record<string, string>, language?: 'en-US' | 'zh-CN'): Promise<Answer> =>
  faceidClient(server.endpoint, { headers, language }).LivenessCompare(req as never) as Promise<Answer>;

describe('LivenessCompare: the photo and the video', () => {
  it.each(['mp4', 'avi', 'flv'] as const)('takes a %s video: Success, a similarity of 70 and more, a JPEG best frame, no frame list unless asked', async (format) => {
    const v = await compare({ LivenessType: 'SILENT', ImageBase64: photo('lc-photo'), VideoBase64: VIDEOS[format] });
    expect(v).toMatchObject({ Result: 'Success', Description: results.Success!.zh, BestFrameList: [] });
    expect(Number(v.Sim)).toBeGreaterThanOrEqual(70);
    expect(String(v.BestFrameBase64)).toMatch(/^\/9j\//);
    // Seeded by the pair: the same photo and video answer the same.
    expect((await compare({ LivenessType: 'SILENT', ImageBase64: photo('lc-photo'), VideoBase64: VIDEOS[format] })).Sim).toBe(v.Sim);
  });

  it('returns BestFrameNum frames when Optional asks for them', async () => {
    const v = await compare({ LivenessType: 'SILENT', ImageBase64: photo('lc-frames'), VideoBase64: VIDEOS.mp4, Optional: JSON.stringify({ BestFrameNum: 3 }) });
    expect(v.BestFrameList).toHaveLength(3);
    for (const f of v.BestFrameList as string[]) expect(f).toMatch(/^\/9j\//);
  });

  it('checks ValidateData for the LIP (4 digits) and ACTION (an order) modes', async () => {
    const base = { ImageBase64: photo('lc-modes'), VideoBase64: VIDEOS.mp4 };
    expect((await compare({ ...base, LivenessType: 'LIP', ValidateData: '1234' })).Result).toBe('Success');
    expect((await compare({ ...base, LivenessType: 'ACTION', ValidateData: '2,1' })).Result).toBe('Success');
    expect((await sdkError(compare({ ...base, LivenessType: 'LIP', ValidateData: '12a4' }))).code).toBe('InvalidParameterValue');
    expect((await sdkError(compare({ ...base, LivenessType: 'LIP' }))).code).toBe('MissingParameter'); // the gateway's, as for any required parameter
    expect((await sdkError(compare({ ...base, LivenessType: 'BLINK' }))).code).toBe('InvalidParameterValue');
  });

  it('answers the documented video errors: another container, empty, too large, none', async () => {
    const base = { LivenessType: 'SILENT', ImageBase64: photo('lc-video-errors') };
    expect((await sdkError(compare({ ...base, VideoBase64: VIDEOS.webm }))).code).toBe('FailedOperation.LipVideoInvalid');
    expect((await sdkError(compare({ ...base, VideoBase64: b64('not a video at all') }))).code).toBe('FailedOperation.LipVideoInvalid');
    expect((await sdkError(compare({ ...base, VideoBase64: '' }))).code).toBe('FailedOperation.LipSizeError');
    // "Base64编码后的大小不超过8M": one character over.
    const limit = (action as { extraImages: { video: { maxBase64Bytes: { domestic: number } } } }).extraImages.video.maxBase64Bytes.domestic;
    expect(limit).toBe(8 * 1024 * 1024);
    expect((await sdkError(compare({ ...base, VideoBase64: VIDEOS.mp4 + 'A'.repeat(limit - VIDEOS.mp4.length + 4) }))).code).toBe('FailedOperation.LipSizeError');
    expect((await sdkError(compare(base))).code).toBe('InvalidParameter');
  });

  it('answers the documented photo errors: not jpg/png, too small, none', async () => {
    const base = { LivenessType: 'SILENT', VideoBase64: VIDEOS.mp4 };
    expect((await sdkError(compare({ ...base, ImageBase64: VIDEOS.mp4 }))).code).toBe('InvalidParameterValue');
    expect((await sdkError(compare({ ...base, ImageBase64: photo('lc-small', 32, 32) }))).code).toBe('FailedOperation.LifePhotoPoorQuality');
    expect((await sdkError(compare(base))).code).toBe('InvalidParameter');
  });
});

describeComparisonCodes('LivenessCompare', (headers, language) => compare({ LivenessType: 'SILENT', ImageBase64: photo('lc-result'), VideoBase64: VIDEOS.mp4 }, headers, language), { errors: 54, perSecond: 100 });
