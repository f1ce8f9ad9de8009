import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrPath, PROJECT_ID, signRequest, signedFetch } from '../helpers/huaweiSign.ts';
import { ocrClient as tencentClient } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { alarmsOf } from '../../src/providers/huawei/actions/RecognizeIdCard.ts';
import { loadData } from '../../src/data/loadData.ts';

const ALARMS = alarmsOf(loadData(new URL('../../', import.meta.url).pathname).apis.get('huawei:RecognizeIdCard')!);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are walked freely here; the server checks them against response.json (checkResponses)
type Body = Record<string, any>;

let clock = Date.UTC(2026, 10, 21, 8, 6, 15); // 20261121T080615Z, the Python fixture's X-Sdk-Date
let server: TestServer;
beforeAll(async () => { server = await startServer({ now: () => clock }); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'hw-ocr' }).toString('base64');
const back = makeCardImage({ seed: 'hw-ocr', markers: { side: 'back' } }).toString('base64');
const ALL_FLAGS = {
  return_verification: true, return_text_location: true, return_portrait_location: true, return_portrait_image: true, return_adjusted_image: true,
  ...Object.fromEntries(ALARMS.map((k) => [`detect_${k}`, true])),
};

async function recognize(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Body }> {
  const res = await signedFetch(server.url, ocrPath(), body, { now: clock, headers });
  return { status: res.status, json: await res.json() as Body };
}

const isJpeg = (b64: string): boolean => Buffer.from(b64, 'base64').subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]));

describe('RecognizeIdCard output', () => {
  it('gives only the text fields when no flag is set', async () => {
    const { status, json } = await recognize({ image, side: 'front' });
    expect(status).toBe(200);
    expect(Object.keys(json.result).sort()).toEqual(['address', 'birth', 'ethnicity', 'name', 'number', 'sex']);
  });

  it('gives every optional field of the front when every flag asks, typed as JSON booleans and integers', async () => {
    const { json } = await recognize({ image, side: 'front', ...ALL_FLAGS });
    const r = json.result;
    expect(isJpeg(r.portrait_image)).toBe(true);
    expect(isJpeg(r.adjusted_image)).toBe(true);
    expect(r.portrait_location).toHaveLength(4);
    for (const p of r.portrait_location) expect(p.every(Number.isInteger)).toBe(true);
    expect(Object.keys(r.text_location).sort()).toEqual(['address', 'birth', 'ethnicity', 'name', 'number', 'sex']);
    expect(r.text_location.name).toHaveLength(4);
    for (const k of ALARMS) {
      expect(r[`detect_${k}_result`]).toBe(false);
      expect(Number.isInteger(r.score_info[`${k}_score`])).toBe(true);
    }
  });

  it('each flag adds its own fields and no other, with the values every flag gives (a score does not depend on the other alarms asked)', async () => {
    // RecognizeIdCard API page: each return_* flag returns one field; each detect_* flag its result and its score in score_info.
    const own: Record<string, string[]> = {
      return_verification: ['verification_result'], return_text_location: ['text_location'], return_portrait_location: ['portrait_location'],
      return_portrait_image: ['portrait_image'], return_adjusted_image: ['adjusted_image'],
      ...Object.fromEntries(ALARMS.map((k) => [`detect_${k}`, [`detect_${k}_result`, 'score_info']])),
    };
    const text = ['address', 'birth', 'ethnicity', 'name', 'number', 'sex'];
    const every = (await recognize({ image, side: 'front', ...ALL_FLAGS })).json.result;
    expect(Object.keys(own).sort()).toEqual(Object.keys(ALL_FLAGS).sort());
    for (const [flag, fields] of Object.entries(own)) {
      const { json } = await recognize({ image, side: 'front', [flag]: true });
      expect(Object.keys(json.result).sort(), flag).toEqual([...text, ...fields].sort());
      for (const f of fields.filter((x) => x !== 'score_info')) expect(json.result[f], flag).toEqual(every[f]);
      if (flag.startsWith('detect_')) {
        const score = `${flag.slice('detect_'.length)}_score`;
        expect(json.result.score_info, flag).toEqual({ [score]: every.score_info[score] });
      }
    }
  });

  it('double_side: a flag adds its field to both sides, with the values every flag gives', async () => {
    const every = (await recognize({ image, side: 'double_side', ...ALL_FLAGS })).json.result;
    const { json } = await recognize({ image, side: 'double_side', return_adjusted_image: true, detect_glare: true });
    for (const s of ['front', 'back']) {
      const side = json.result[s];
      expect(side.adjusted_image, s).toEqual(every[s].adjusted_image);
      expect(side.detect_glare_result, s).toBe(every[s].detect_glare_result);
      expect(side.score_info, s).toEqual({ glare_score: every[s].score_info.glare_score });
      for (const absent of ['verification_result', 'text_location', 'portrait_image', 'detect_copy_result']) expect(side, `${s} ${absent}`).not.toHaveProperty(absent);
    }
  });

  it('gives "" and [] for the portrait of a back side, and checks the validity dates against the clock', async () => {
    const { json } = await recognize({ image: back, side: 'back', return_portrait_image: true, return_portrait_location: true, return_verification: true });
    expect(json.result.portrait_image).toBe('');
    expect(json.result.portrait_location).toEqual([]);
    expect(json.result.verification_result).toEqual({ valid_number: false, valid_birth: false, valid_sex: false, valid_date: true, valid_validity_period: true });
    expect(json.result.valid_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('an expired card (scenario) is reported honestly: valid_date false, a legal 10-year term', async () => {
    const { json } = await recognize({ image: back, side: 'back', return_verification: true }, { 'X-Mock-Scenario': 'expired-card' });
    expect(json.result).toMatchObject({ valid_to: '2014-08-26', verification_result: { valid_date: false, valid_validity_period: true } });
  });

  it('raises an alarm only when its flag asks (true = problem found)', async () => {
    const asked = await recognize({ image, detect_copy: true, detect_border_integrity: true }, { 'X-Mock-Scenario': 'photocopy,border-incomplete' });
    expect(asked.json.result).toMatchObject({ detect_copy_result: true, detect_border_integrity_result: true, score_info: { copy_score: 96, border_integrity_score: 88 } });
    const notAsked = await recognize({ image }, { 'X-Mock-Scenario': 'photocopy' });
    expect(notAsked.json.result).not.toHaveProperty('detect_copy_result');
    expect(notAsked.json.result).not.toHaveProperty('score_info');
  });

  it('double_side: front and back objects with their own fields and split verification keys', async () => {
    const { json } = await recognize({ image, side: 'double_side', ...ALL_FLAGS });
    const { front, back: b, ...rest } = json.result;
    expect(rest).toEqual({});
    expect(front.verification_result).toEqual({ valid_number: true, valid_birth: true, valid_sex: true });
    expect(Object.keys(b.verification_result).sort()).toEqual(['valid_date', 'valid_validity_period']);
    expect(b).not.toHaveProperty('portrait_image');
    expect(b).toHaveProperty('issue');
    expect(b.text_location.issue[0][1]).toBeGreaterThan(front.text_location.number[0][1]); // the back is the lower half
  });

  it('the same image gives the same person as Tencent IDCardOCR', async () => {
    const saved = clock;
    clock = Date.now(); // the Tencent SDK signs with the real time
    try {
      const tencent = await tencentClient(server.endpoint).IDCardOCR({ ImageBase64: image });
      const { json } = await recognize({ image });
      expect({ name: json.result.name, number: json.result.number }).toEqual({ name: tencent.Name, number: tencent.IdNum });
    } finally {
      clock = saved;
    }
  });
});

describe('the Python SDK request, byte for byte', () => {
  // simplejson.dumps: a space after ':' and ','; lower-case charset; user-agent signed.
  const body = `{"image": "${image}", "side": "front", "return_verification": true}`;
  const pythonHeaders = (host: string): Record<string, string> => ({
    'User-Agent': 'huaweicloud-usdk-python/3.0; os/Linux#6.1.0 python/3.11.2 impl/CPython; app/6f1c2b0e-1a2b-4c3d-9e8f-0123456789ab',
    'Accept-Encoding': 'gzip, deflate',
    Accept: '*/*',
    Connection: 'keep-alive',
    'Content-Type': 'application/json;charset=utf-8',
    'X-Project-Id': PROJECT_ID,
    'X-Sdk-Date': '20261121T080615Z',
    Host: host,
  });
  const signed = (host: string, sentBody: string): Record<string, string> => {
    const h = pythonHeaders(host);
    const toSign = Object.fromEntries(['Content-Type', 'Host', 'User-Agent', 'X-Project-Id', 'X-Sdk-Date'].map((k) => [k, h[k]!]));
    return { ...h, Authorization: signRequest({ method: 'POST', path: ocrPath(), headers: toSign, body: sentBody }) };
  };
  const send = (headers: Record<string, string>, sent: string): Promise<{ status: number; json: Body }> => new Promise((resolve, reject) => {
    const req = request(`${server.url}${ocrPath()}`, { method: 'POST', headers: { ...headers, 'Content-Length': Buffer.byteLength(sent) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(sent);
  });

  it('verifies, with the signature over the spaced JSON as sent', async () => {
    const headers = signed(server.endpoint, body);
    expect(headers.Authorization).toContain('SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date');
    const { status, json } = await send(headers, body);
    expect(status).toBe(200);
    expect(json.result.verification_result.valid_number).toBe(true);
  });

  it('fails if the body were re-serialised (compact JSON under the spaced-JSON signature)', async () => {
    const compact = JSON.stringify(JSON.parse(body));
    const { status, json } = await send(signed(server.endpoint, body), compact);
    expect(status).toBe(401);
    expect(json.error_msg).toBe('Incorrect IAM authentication information: verify aksk signature fail');
  });
});
