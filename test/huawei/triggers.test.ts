import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// Every error with a real trigger, produced by that trigger (no scenario), as a raw HTTP client sees it.
let clock = Date.now();
let server: TestServer;
beforeAll(async () => { server = await startServer({ now: () => clock, auth: 'strict', rateLimitPerMinute: 1000 }); });
afterAll(() => server.close());
beforeEach(async () => { await fetch(`${server.url}/__mock/reset`, { method: 'POST' }); });

const image = makeCardImage({ seed: 'hw-triggers' }).toString('base64');

/** A PNG header claiming the given size: only the header is read, never the pixels. */
function pngHeader(width: number, height: number): string {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]).toString('base64');
}

async function expectError(res: Response, status: number, code: string, message?: string): Promise<Record<string, string>> {
  const json = await res.json() as Record<string, string>;
  expect({ status: res.status, code: json.error_code }).toEqual({ status, code });
  if (message !== undefined) expect(json.error_msg).toBe(message);
  expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  if (code.startsWith('APIG')) expect(json.request_id).toBe(res.headers.get('x-request-id'));
  else expect(json).not.toHaveProperty('request_id');
  return json;
}

const OCR_TRIGGERS: [string, string, unknown][] = [
  ['both image and url', 'AIS.0101', { image, url: 'https://example.com/a.jpg' }],
  ['neither image nor url', 'AIS.0101', { side: 'front' }],
  ['a flag that is not a boolean', 'AIS.0101', { image, detect_copy: 'true' }],
  ['an unknown side', 'AIS.0101', { image, side: 'left' }],
  ['a field of the wrong type', 'AIS.0101', { image: 12345 }],
  ['an empty image', 'AIS.0101', { image: '' }],
  ['image that is not base64', 'AIS.0102', { image: '!!not base64!!' }],
  ['an unsupported format (GIF)', 'AIS.0102', { image: Buffer.from('GIF89a\x10\x00\x10\x00\x00\x00\x00', 'latin1').toString('base64') }],
  ['a side under 15 px', 'AIS.0103', { image: makeCardImage({ width: 14, height: 40 }).toString('base64') }],
  ['a side over 8192 px', 'AIS.0103', { image: pngHeader(8193, 600) }],
  ['base64 over 10 MB', 'AIS.0103', { image: 'A'.repeat(10 * 1024 * 1024 + 4) }],
  ['another card (fixture card=macao)', 'AIS.0104', { image: makeCardImage({ markers: { card: 'macao' } }).toString('base64') }],
  ['side=front for a back-side fixture', 'AIS.0104', { image: makeCardImage({ markers: { side: 'back' } }).toString('base64'), side: 'front' }],
  ['two fronts with double_side (fixture cards=front+front)', 'AIS.0122', { image: makeCardImage({ markers: { cards: 'front+front' } }).toString('base64'), side: 'double_side' }],
  ['a body that is not JSON', 'ModelArts.4105', '{"image": '],
];

describe('OCR errors from their real triggers: HTTP 400 {error_code, error_msg}', () => {
  it.each(OCR_TRIGGERS)('%s → %s', async (_what, code, body) => {
    await expectError(await signedFetch(server.url, ocrPath(), body, { now: clock }), 400, code);
  });
});

describe('gateway errors from their real triggers: {error_code, error_msg, request_id}', () => {
  it('no credentials at all → 401 x-auth-token not found', async () => {
    const res = await fetch(`${server.url}${ocrPath()}`, { method: 'POST', body: JSON.stringify({ image }) });
    await expectError(res, 401, 'APIG.0301', 'Incorrect IAM authentication information: x-auth-token not found');
  });

  it('a token the emulator did not issue (strict) → 401 decrypt token fail', async () => {
    const res = await fetch(`${server.url}${ocrPath()}`, { method: 'POST', headers: { 'X-Auth-Token': 'MIIgarbage' }, body: JSON.stringify({ image }) });
    await expectError(res, 401, 'APIG.0301', 'Incorrect IAM authentication information: decrypt token fail');
  });

  it('a wrong SK → 401 verify aksk signature fail', async () => {
    await expectError(await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' }), 401, 'APIG.0301',
      'Incorrect IAM authentication information: verify aksk signature fail');
  });

  it('X-Sdk-Date more than 15 minutes off → 401 signature expired', async () => {
    await expectError(await signedFetch(server.url, ocrPath(), { image }, { now: clock - 16 * 60 * 1000 }), 401, 'APIG.0301',
      'Incorrect IAM authentication information: calc ak sk signature fail:signature expired');
    expect((await signedFetch(server.url, ocrPath(), { image }, { now: clock - 14 * 60 * 1000 })).status).toBe(200);
  });

  it('an AK not in the credential store (strict) → 401 ak ... not exist', async () => {
    await expectError(await signedFetch(server.url, ocrPath(), { image }, { now: clock, ak: 'UNKNOWNAK00000000000' }), 401, 'APIG.0301',
      'Incorrect IAM authentication information: ak UNKNOWNAK00000000000 not exist');
  });

  it('5 consecutive signature failures lock the AK for 5 minutes, correct signatures included', async () => {
    for (let i = 0; i < 5; i++) await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' });
    const locked = 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.';
    await expectError(await signedFetch(server.url, ocrPath(), { image }, { now: clock }), 401, 'APIG.0301', locked);
    const saved = clock;
    clock += 5 * 60 * 1000 + 1000;
    try {
      expect((await signedFetch(server.url, ocrPath(), { image }, { now: clock })).status).toBe(200);
    } finally {
      clock = saved;
    }
  });

  it('a success clears the count of failures', async () => {
    for (let i = 0; i < 4; i++) await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' });
    expect((await signedFetch(server.url, ocrPath(), { image }, { now: clock })).status).toBe(200);
    await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' });
    expect((await signedFetch(server.url, ocrPath(), { image }, { now: clock })).status).toBe(200);
  });

  it('the unfilled %7Bproject_id%7D placeholder → a clear APIG.0310', async () => {
    const json = await expectError(await signedFetch(server.url, '/v2/%7Bproject_id%7D/ocr/id-card', { image }, { now: clock, headers: {} }), 403, 'APIG.0310');
    expect(json.error_msg).toContain('project id');
  });

  it('an X-Project-Id that differs from the path → APIG.0310 naming both', async () => {
    const json = await expectError(await signedFetch(server.url, ocrPath('aaaa'), { image }, { now: clock, projectId: 'bbbb' }), 403, 'APIG.0310');
    expect(json.error_msg).toContain('X-Project-Id bbbb differs from the project id aaaa');
  });

  it('an unknown path → 404 APIG.0101; a known path with another method → "The API does not exist."', async () => {
    await expectError(await fetch(`${server.url}/v2/x/ocr/bank-card`, { method: 'POST' }), 404, 'APIG.0101',
      'The API does not exist or has not been published in the environment.');
    await expectError(await fetch(`${server.url}${ocrPath()}`), 404, 'APIG.0101', 'The API does not exist.');
  });

  it('a body over 12 MB → 413 APIG.0201, refused from Content-Length', async () => {
    const res = await signedFetch(server.url, ocrPath(), { image: 'A'.repeat(12 * 1024 * 1024) }, { now: clock });
    await expectError(res, 413, 'APIG.0201', 'Request entity too large.');
  });
});

describe('throttling', () => {
  it('APIG.0308 429 after the per-minute limit of one credential, with the limit in the message', async () => {
    const small = await startServer({ now: () => clock, rateLimitPerMinute: 2 });
    try {
      for (let i = 0; i < 2; i++) expect((await signedFetch(small.url, ocrPath(), { image }, { now: clock })).status).toBe(200);
      await expectError(await signedFetch(small.url, ocrPath(), { image }, { now: clock }), 429, 'APIG.0308',
        'The throttling threshold has been reached: policy user over ratelimit,limit:2,time:1 minute');
      expect((await signedFetch(small.url, ocrPath(), { image }, { now: clock, ak: 'ANOTHERAK' })).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
