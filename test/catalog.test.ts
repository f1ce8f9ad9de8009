import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startServer, type TestServer } from './helpers/startServer.ts';
import { SECRET_ID, SECRET_KEY, sdkError } from './helpers/tencentClients.ts';
import { PROJECT_ID, signedFetch } from './helpers/huaweiSign.ts';
import { loadData } from '../src/data/loadData.ts';
import { sampleRequest } from './helpers/sampleRequest.ts';
import { callAlibaba } from './helpers/alibabaClients.ts';
import { catalogMessage as message, valueAt as at } from './helpers/clientOutcome.ts';
import type { ApiDefinition, CatalogEntry } from '../src/data/types.ts';

// Every error code and every result code of every API in the data, asked for by scenario name, comes
// back as the vendor's client sees it: a new API or a new code in schemas/ gets its test here without
// touching this file. Tencent APIs are called through the SDK's CommonClient (any Action and Version),
// REST APIs by their action.json method and path, signed as the SDKs sign; Alibaba's through its SDKs.
const data = loadData(new URL('../', import.meta.url).pathname);
const apis = [...data.apis.values()];

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const sample = sampleRequest;



/**
 * An API that reads a hosted flow (its results have a `stage`) needs a flow to read: the provider's API that
 * starts one (action.json `flow`) is called first, and its token and rule go in the request.
 */
async function flowParams(api: ApiDefinition): Promise<Record<string, unknown> | undefined> {
  if (!Object.values(api.results.results).some((r) => r.stage)) return undefined;
  const starter = apis.find((a) => a.meta.provider === api.meta.provider && a.meta.flow)!;
  const started = await tencent(starter, '') as { BizToken: string };
  return { ...sample(api), BizToken: started.BizToken, RuleId: sample(starter).RuleId };
}

function tencent(api: ApiDefinition, scenario: string, language?: 'zh-CN' | 'en-US', params: Record<string, unknown> = sample(api)) {
  const client = new CommonClient(`${api.meta.service}.tencentcloudapi.com`, api.meta.version, {
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: 'ap-guangzhou',
    profile: { language, httpProfile: { endpoint: server.endpoint, protocol: 'http://', headers: { 'X-Mock-Scenario': scenario } } },
  });
  return client.request(api.meta.action, params);
}

function rest(api: ApiDefinition, scenario: string): Promise<Response> {
  const path = api.meta.http!.path.replace('{project_id}', PROJECT_ID);
  return signedFetch(server.url, path, sample(api), { now: Date.now(), method: api.meta.http!.method, headers: { 'X-Mock-Scenario': scenario } });
}

function alibaba(api: ApiDefinition, scenario: string) {
  return callAlibaba(server.endpoint, api.meta.action, sample(api), { headers: { 'X-Mock-Scenario': scenario } });
}

interface AlibabaError { code: string; statusCode: number; data: Record<string, string> }

/**
 * The Huawei body an error code comes in, stated here rather than read from provider.json `envelopes` (what
 * src/pipeline/renderedError.ts does), so a wrong family there fails: the gateway's APIG.*, IAM's IAM.<status>,
 * the service's own shape for the rest.
 */
const huaweiEnvelope = (code: string): 'gateway' | 'iam' | 'service' => (code.startsWith('APIG.') ? 'gateway' : code.startsWith('IAM.') ? 'iam' : 'service');

/** One code of a catalog, asked for by scenario name through `api`, as the vendor's client sees it. */
async function expectError(api: ApiDefinition, code: string, entry: CatalogEntry): Promise<void> {
  if (api.meta.provider === 'alibaba') {
    // cloudauth's business codes come in the normal body (HTTP 200, returned); the rest are thrown.
    if (entry.status === 200) return void expect((await alibaba(api, code)).body).toMatchObject({ code, message: message(entry, 'en') });
    const e = await alibaba(api, code).then(() => undefined, (x: unknown) => x as AlibabaError);
    expect([e?.code, e?.statusCode, e?.data.Message]).toEqual([code, entry.status, message(entry, 'en')]);
    return;
  }
  if (!api.meta.http) {
    const en = await sdkError(tencent(api, code, 'en-US'));
    expect([en.code, en.message]).toEqual([code, message(entry, 'en')]);
    const zh = await sdkError(tencent(api, code, 'zh-CN'));
    expect(zh.message).toBe(message(entry, 'zh'));
    return;
  }
  const res = await rest(api, code);
  const requestId = res.headers.get('x-request-id');
  expect(res.status).toBe(entry.status);
  expect(requestId).toMatch(/^[0-9a-f]{32}$/);
  const envelope = huaweiEnvelope(code);
  const body = await res.json();
  if (envelope === 'iam') expect(body).toEqual({ error: { code: entry.status, message: message(entry, 'en'), title: expect.any(String) } });
  else if (envelope === 'gateway') expect(body).toEqual({ error_code: code, error_msg: message(entry, 'en'), request_id: requestId });
  else expect(body).toEqual({ error_code: code, error_msg: message(entry, 'en') });
}

/**
 * The codes every API of a provider shares (schemas/<vendor>/errors.json) are asked for once per provider,
 * not once per API: each through the first API of its provider whose own catalog does not redefine it.
 */
const shared = Object.entries(data.commonErrors).flatMap(([provider, codes]) => Object.entries(codes).map(([code, entry]) => {
  const api = apis.find((a) => a.meta.provider === provider && !(code in a.errors))!;
  return [`${provider} ${code} (through ${api.meta.action})`, api, code, entry] as const;
}));
describe('the codes shared by every API of a provider', () => {
  it.each(shared)('%s', async (_name, api, code, entry) => expectError(api, code, entry));
});

describe.each(apis.map((api) => [`${api.meta.provider} ${api.meta.action}`, api] as const))('%s', (_name, api) => {

  it('answers a plain request', async () => {
    if (api.meta.provider === 'alibaba') expect(await alibaba(api, '')).toMatchObject({ statusCode: 200, body: { requestId: expect.any(String) } });
    else if (api.meta.http) expect((await rest(api, '')).status).toBe(api.meta.status ?? 200);
    else expect(await tencent(api, '', undefined, await flowParams(api))).toHaveProperty('RequestId');
  });

  it.each(Object.entries(api.errors))('error %s', async (code, entry) => expectError(api, code, entry));

  const results = Object.keys(api.results.results);
  it.runIf(results.length > 0).each(results)('result %s', async (code) => {
    if (api.meta.provider === 'alibaba') return void expect((await alibaba(api, `result:${code}`)).body).toMatchObject({ resultObject: { bizCode: code } });
    const answer = await tencent(api, `result:${code}`);
    // The code and its text: Result and Description, or a hosted flow's Text.ErrCode and Text.ErrMsg (inside JSON text for GetDetectInfo).
    const field = api.results.field ?? 'Result';
    expect(String(at(answer, field))).toBe(code);
    expect(at(answer, field === 'Result' ? 'Description' : field.replace(/Code$/, 'Msg'))).toBe(api.results.results[code]!.zh);
  });
});

describe('the APIGW. spelling, chosen by the apigw-prefix scenario', () => {
  const api = data.apis.get('huawei:RecognizeIdCard')!;
  const gateway = Object.entries(data.commonErrors.huawei!).filter(([code]) => code.startsWith('APIG.'));
  it.each(gateway)('%s → APIGW.', async (code, entry) => {
    const res = await rest(api, `apigw-prefix,${code}`);
    expect(res.status).toBe(entry.status);
    expect(await res.json()).toMatchObject({ error_code: code.replace('APIG.', 'APIGW.'), error_msg: message(entry, 'en') });
  });

  it('applies to gateway errors of real triggers too', async () => {
    const res = await signedFetch(server.url, `/v2/${PROJECT_ID}/ocr/id-card`, { image: 'x' }, { now: Date.now(), sk: 'WRONG', headers: { 'X-Mock-Scenario': 'apigw-prefix' } });
    expect(await res.json()).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('leaves other codes alone', async () => {
    expect(await (await rest(api, 'apigw-prefix,AIS.0103')).json()).toMatchObject({ error_code: 'AIS.0103' });
  });
});
