import { connect } from 'node:net';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { tc3Headers, v1Form } from '../../test/helpers/signTc3.ts';
import { ocrPath, PROJECT_ID, sdkDate, signRequest } from '../../test/helpers/huaweiSign.ts';
import { fetchCall, signedCall, type KeyPair } from '../../test/helpers/signedCall.ts';
import { sampleRequest } from '../../test/helpers/sampleRequest.ts';
import { loadData } from '../../src/data/loadData.ts';
import { BENCH_CREDENTIALS, huaweiIdCard, idCardOcr } from './requests.ts';

/** A stored Tencent SecretId and Huawei AK that the soak signs wrongly on purpose (a wrong AK/SK signature locks its AK). */
export const WRONG = { tencent: { secretId: 'AKIDSOAKWRONG000000000000000000000000', secretKey: 'SOAKWRONGSECRETKEY00000000000000' }, huawei: { ak: 'SOAKWRONGAK000000000', sk: 'SOAKWRONGSK00000000000000000000000000000' } };

/** The soak's own Alibaba pair (the benchmark has none), stored with `--credentials` so its signatures are fully verified. */
export const SOAK_ALIBABA = { accessKeyId: 'LTAISOAK0000000000000000', accessKeySecret: 'SOAKALIBABASECRET0000000000000' };

/** The credentials file for the soak: the benchmark's pairs, the soak's Alibaba pair, and the ones signed wrongly. */
export function soakCredentials(): string {
  return JSON.stringify({ tencent: [BENCH_CREDENTIALS.tencent, WRONG.tencent], huawei: [BENCH_CREDENTIALS.huawei, WRONG.huawei], alibaba: [SOAK_ALIBABA] });
}

/** The pair each provider's calls of the mix are signed with, by provider name (as the credentials file stores it). */
export const SOAK_PAIRS: Record<string, KeyPair> = {
  tencent: { id: BENCH_CREDENTIALS.tencent.secretId, secret: BENCH_CREDENTIALS.tencent.secretKey },
  huawei: { id: BENCH_CREDENTIALS.huawei.ak, secret: BENCH_CREDENTIALS.huawei.sk },
  alibaba: { id: SOAK_ALIBABA.accessKeyId, secret: SOAK_ALIBABA.accessKeySecret },
};

/**
 * Every API in the data with its sample request (test/helpers/sampleRequest.ts): the mix calls each of them plainly.
 * Most answer it; an API that reads a hosted flow (DetectAuth's results) is sent a token no flow has, and answers
 * its `flowUnknown` role's code (action.json `roles`).
 */
export const DATA_APIS = [...loadData(new URL('../../', import.meta.url).pathname).apis.values()].map((api) => {
  const unknown = api.meta.roles?.flowUnknown;
  return { api, params: sampleRequest(api), expect: unknown === undefined ? 'ok' : typeof unknown === 'string' ? unknown : unknown.code };
});
/** The share of the mix (out of 100 for the rest) spent on DATA_APIS, spread evenly over them. */
export const DATA_SHARE = 10;

/** What a call is expected to answer: success, or one code (Tencent: Response.Error.Code; Huawei: error_code). */
export type Expect = 'ok' | string;
export interface SoakCall { kind: string; expect: Expect; send: (base: string) => Promise<{ status: number; code: string }> }

/** mulberry32: the mix is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IMAGES = Array.from({ length: 16 }, (_, i) => makeCardImage({ seed: `soak-${i}`, width: 320, height: 202 }).toString('base64'));
const NAMES = ['韦小宝', '张三', '李四', '王五', 'A B'];
const IDS = ['110101198003074413', '11204416541220243X', '440305198701011234'];
const DATE = (): string => new Date().toISOString().slice(0, 10);
const structuralTc3 = (secretId: string): string => `TC3-HMAC-SHA256 Credential=${secretId}/${DATE()}/ocr/tc3_request, SignedHeaders=content-type;host, Signature=${'ab'.repeat(32)}`;

/**
 * Answers reduced to (HTTP status, code or `ok`): Tencent's Response.Error.Code, Huawei's error_code or
 * IAM error, Alibaba's Code (the gateway's on a 4xx/5xx; a business code other than "200" in a 200).
 */
async function outcome(res: Response): Promise<{ status: number; code: string }> {
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try { json = JSON.parse(text) as Record<string, unknown>; } catch { return { status: res.status, code: `not JSON: ${text.slice(0, 60)}` }; }
  const tencent = json.Response as { Error?: { Code: string } } | undefined;
  const alibaba = typeof json.RequestId === 'string' && typeof json.Code === 'string' && (res.status !== 200 || json.Code !== '200') ? json.Code : undefined;
  const code = tencent ? tencent.Error?.Code : (json.error_code as string | undefined) ?? (json.error ? `IAM.${(json.error as { code: number }).code}` : undefined) ?? alibaba;
  return { status: res.status, code: code ?? 'ok' };
}

const post = (base: string, path: string, headers: Record<string, string>, body: string | Buffer): Promise<Response> =>
  fetch(`${base}${path}`, { method: 'POST', headers: Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'host')), body: typeof body === 'string' ? body : new Uint8Array(body) });

/** A raw exchange for what fetch cannot send (a malformed request line): the reply's status and code. */
function garbage(base: string): Promise<{ status: number; code: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.on('data', (d: Buffer) => { text += d.toString('latin1'); });
    socket.on('error', () => { /* judged by what was read */ });
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const code = /"Code":"([^"]+)"/.exec(text)?.[1] ?? 'none';
      resolve({ status, code });
    });
    socket.end('FOO / HTTP/1.1\r\nHost: x\r\n\r\n');
  });
}

/**
 * One call of the mix, drawn with `rnd`: every API of the data plainly (its sample request, signed as
 * its provider signs), every API through every front door and signing style, the control plane, and a share of errors (wrong signatures, broken JSON, unknown actions, scenarios,
 * a malformed request line). `state.token`/`state.tokenProject` come from an IAM call made first.
 */
export function drawCall(rnd: () => number, host: string, state: { token: string; tokenProject: string }): SoakCall {
  const image = IMAGES[Math.floor(rnd() * IMAGES.length)]!;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd() * (100 + DATA_SHARE);
  if (r >= 100) {
    const { api, params, expect } = DATA_APIS[Math.min(DATA_APIS.length - 1, Math.floor(((r - 100) / DATA_SHARE) * DATA_APIS.length))]!;
    return { kind: `data ${api.meta.provider} ${api.meta.action}`, expect, send: (base) => fetchCall(base, signedCall(api, params, { host, pair: SOAK_PAIRS[api.meta.provider] })).then(outcome) };
  }
  const tc3 = (action: string, version: string, service: string, params: unknown, o: { secretId?: string; secretKey?: string; scenario?: string } = {}): SoakCall['send'] => (base) => {
    const body = JSON.stringify(params);
    const headers = tc3Headers({ host, body, action, version, service, secretId: o.secretId ?? BENCH_CREDENTIALS.tencent.secretId, secretKey: o.secretKey ?? BENCH_CREDENTIALS.tencent.secretKey });
    return post(base, '/', { ...headers, ...(o.scenario ? { 'X-Mock-Scenario': o.scenario } : {}) }, body).then(outcome);
  };
  if (r < 18) return { kind: 'tc3 IDCardOCR', expect: 'ok', send: tc3('IDCardOCR', '2018-11-19', 'ocr', { ImageBase64: image, CardSide: pick(['FRONT', 'BACK']), ...(rnd() < 0.2 ? { Config: '{"CropPortrait":true}' } : {}) }) };
  if (r < 24) {
    const scenario = pick(['warning:-9102', 'photocopy', 'FailedOperation.ImageBlur']);
    return { kind: 'tc3 IDCardOCR scenario', expect: scenario.startsWith('Failed') ? scenario : 'ok', send: tc3('IDCardOCR', '2018-11-19', 'ocr', { ImageBase64: image, Config: '{"CopyWarn":true}' }, { scenario }) };
  }
  if (r < 30) return { kind: 'tc3 Macao', expect: 'ok', send: tc3('RecognizeMacaoIDCardOCR', '2018-11-19', 'ocr', { ImageBase64: image }) };
  if (r < 36) return { kind: 'tc3 verification', expect: 'ok', send: tc3('IdCardOCRVerification', '2018-03-01', 'faceid', rnd() < 0.5 ? { Name: pick(NAMES), IdCard: pick(IDS) } : { ImageBase64: image }) };
  if (r < 41) {
    const secretId = `AKIDSOAK${Math.floor(rnd() * 1000)}`; // unknown ids: lenient checks the structure only
    return { kind: 'tc3 unknown SecretId', expect: 'ok', send: (base) => post(base, '/', { 'Content-Type': 'application/json', 'X-TC-Action': 'IDCardOCR', 'X-TC-Version': '2018-11-19', 'X-TC-Timestamp': String(Math.floor(Date.now() / 1000)), Authorization: structuralTc3(secretId) }, JSON.stringify({ ImageBase64: image })).then(outcome) };
  }
  if (r < 46) return { kind: 'v1 form', expect: 'ok', send: (base) => post(base, '/', { 'Content-Type': 'application/x-www-form-urlencoded' }, v1Form(host, { ImageBase64: image })).then(outcome) };
  if (r < 50) {
    return { kind: 'v1 GET', expect: 'ok', send: (base) => fetch(`${base}/?${new URLSearchParams({ Action: 'IdCardOCRVerification', Version: '2018-03-01', Timestamp: String(Math.floor(Date.now() / 1000)), Nonce: '7', SecretId: 'AKIDSOAKV1', Signature: 'x', Name: pick(NAMES), IdCard: pick(IDS) })}`).then(outcome) };
  }
  if (r < 54) {
    return { kind: 'tc3 GET', expect: 'ok', send: (base) => fetch(`${base}/?Name=${encodeURIComponent(pick(NAMES))}&IdCard=${pick(IDS)}`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-TC-Action': 'IdCardOCRVerification', 'X-TC-Version': '2018-03-01', 'X-TC-Timestamp': String(Math.floor(Date.now() / 1000)), Authorization: structuralTc3('AKIDSOAKGET') } }).then(outcome) };
  }
  if (r < 58) {
    return { kind: 'tc3 multipart', expect: 'ok', send: (base) => {
      const body = `--soak\r\nContent-Disposition: form-data; name="ImageBase64"\r\n\r\n${image}\r\n--soak--\r\n`;
      return post(base, '/', { 'Content-Type': 'multipart/form-data; boundary=soak', 'X-TC-Action': 'RecognizeMacaoIDCardOCR', 'X-TC-Version': '2018-11-19', 'X-TC-Timestamp': String(Math.floor(Date.now() / 1000)), Authorization: structuralTc3('AKIDSOAKMP') }, body).then(outcome);
    } };
  }
  if (r < 70) return { kind: 'huawei AK/SK', expect: 'ok', send: (base) => { const q = huaweiIdCard(host, image); return post(base, q.path, q.headers, q.body).then(outcome); } };
  if (r < 75) {
    return { kind: 'huawei token', expect: 'ok', send: (base) => post(base, ocrPath(state.tokenProject), { 'Content-Type': 'application/json', 'X-Auth-Token': state.token }, JSON.stringify({ image, return_verification: true })).then(outcome) };
  }
  if (r < 79) {
    return { kind: 'iam token', expect: 'ok', send: (base) => post(base, '/v3/auth/tokens', { 'Content-Type': 'application/json' },
      JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'soak', password: 'x', domain: { name: 'soak' } } } }, scope: { project: { name: 'cn-north-4' } } } })).then(outcome) };
  }
  if (r < 82) {
    return { kind: 'iam projects', expect: 'ok', send: (base) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: host, 'X-Sdk-Date': sdkDate(Date.now()) };
      headers.Authorization = signRequest({ method: 'GET', path: '/v3/projects', query: { name: 'cn-north-4' }, headers, body: '', ak: BENCH_CREDENTIALS.huawei.ak, sk: BENCH_CREDENTIALS.huawei.sk });
      return fetch(`${base}/v3/projects?name=cn-north-4`, { headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': headers['X-Sdk-Date']!, Authorization: headers.Authorization } }).then(outcome);
    } };
  }
  if (r < 86) return { kind: 'mock health', expect: 'ok', send: (base) => fetch(`${base}/__mock/health`).then(outcome) };
  if (r < 87) return { kind: 'mock scenarios', expect: 'ok', send: (base) => fetch(`${base}/__mock/scenarios`).then(outcome) };
  if (r < 88) return { kind: 'mock journal', expect: 'ok', send: (base) => fetch(`${base}/__mock/journal`).then(outcome) };
  if (r < 90) return { kind: 'tc3 wrong signature', expect: 'AuthFailure.SignatureFailure', send: tc3('IDCardOCR', '2018-11-19', 'ocr', { ImageBase64: image }, { secretId: WRONG.tencent.secretId, secretKey: 'not-the-key' }) };
  if (r < 92) {
    return { kind: 'huawei wrong signature', expect: 'APIG.0301', send: (base) => {
      const body = JSON.stringify({ image });
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: host, 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': sdkDate(Date.now()) };
      headers.Authorization = signRequest({ method: 'POST', path: ocrPath(), headers, body, ak: WRONG.huawei.ak, sk: 'not-the-key' });
      return post(base, ocrPath(), headers, body).then(outcome);
    } };
  }
  if (r < 94) return { kind: 'tc3 broken JSON', expect: 'InvalidParameter', send: (base) => { const q = idCardOcr(host, image); return post(base, '/', q.headers, q.body.subarray(0, 40)).then(outcome); } };
  if (r < 96) return { kind: 'tc3 unknown action', expect: 'InvalidAction', send: tc3('DescribeInstances', '2017-03-12', 'cvm', {}) };
  if (r < 98) return { kind: 'huawei broken JSON', expect: 'ModelArts.4105', send: (base) => post(base, ocrPath(state.tokenProject), { 'Content-Type': 'application/json', 'X-Auth-Token': state.token }, '{"image":').then(outcome) };
  return { kind: 'malformed request line', expect: 'UnsupportedProtocol', send: garbage };
}
