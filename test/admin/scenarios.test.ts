import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import type { ScenarioEntry } from '../../src/admin/scenarioEntries.ts';

// GET /__mock/scenarios: the ?api= filter, and entries that say what a client gets, checked against
// what the emulator really sends for each error scenario.
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const list = async (query = ''): Promise<Record<string, ScenarioEntry[]>> => (await fetch(`${server.url}/__mock/scenarios${query}`)).json();
const image = makeCardImage({ seed: 'scenario-list' }).toString('base64');

describe('?api=', () => {
  it('takes the action or provider:Action', async () => {
    expect(Object.keys(await list('?api=IDCardOCR'))).toEqual(['tencent:IDCardOCR']);
    expect(Object.keys(await list('?api=huawei:RecognizeIdCard'))).toEqual(['huawei:RecognizeIdCard']);
    expect(Object.keys(await list()).length).toBe(server.runtime.data.apis.size);
  });

  it('an unknown API is 404, listing the APIs there are', async () => {
    const res = await fetch(`${server.url}/__mock/scenarios?api=IdCardOcr`);
    expect(res.status).toBe(404);
    expect((await res.json()).apis).toContain('tencent:IDCardOCR');
  });
});

describe('entries', () => {
  it('an error: the message in both languages, and HTTP 200 for Tencent', async () => {
    const blur = (await list('?api=IDCardOCR'))['tencent:IDCardOCR']!.find((s) => s.name === 'FailedOperation.ImageBlur')!;
    expect(blur).toMatchObject({ source: 'catalog', error: { code: 'FailedOperation.ImageBlur', httpStatus: 200, message: { en: expect.any(String), zh: expect.any(String) } } });
  });

  it('a warning: its codes with the flag that reports them; a shared name lists every code it stands for', async () => {
    const entries = (await list('?api=IDCardOCR'))['tencent:IDCardOCR']!;
    expect(entries.find((s) => s.name === 'warning:-9102')!.warnings).toEqual([expect.objectContaining({ code: '-9102', flag: 'CopyWarn' })]);
    const copy = entries.find((s) => s.name === 'warning:copy')!;
    expect(copy.source).toBe('vocabulary');
    expect(copy.warnings!.map((w) => w.code)).toContain('-9102');
    expect(entries.find((s) => s.name === 'photocopy')!.warnings!.map((w) => w.code)).toEqual(['-9102', '-9108']);
  });

  it('a result: the code, its Description and whether it is charged', async () => {
    const r = (await list('?api=IdCardOCRVerification'))['tencent:IdCardOCRVerification']!.find((s) => s.name === 'result:-4')!;
    expect(r.result).toMatchObject({ code: '-4', charged: expect.any(Boolean), message: { en: expect.any(String), zh: expect.any(String) } });
  });

  it('Tencent: every error entry is what the client gets, in both languages, over HTTP 200', async () => {
    const errors = (await list('?api=IDCardOCR'))['tencent:IDCardOCR']!.filter((s) => s.error);
    // Every code of the catalog (the action's and the common ones) is listed, so each is tried below.
    expect(new Set(errors.map((s) => s.error!.code))).toEqual(new Set([...Object.keys(server.runtime.data.apis.get('tencent:IDCardOCR')!.errors), ...Object.keys(server.runtime.data.commonErrors.tencent ?? {})]));
    const body = JSON.stringify({ ImageBase64: image });
    for (const s of errors) {
      for (const [language, text] of [['en-US', s.error!.message.en], ['zh-CN', s.error!.message.zh]] as const) {
        const headers = tc3Headers({ host: server.endpoint, body, headers: { 'X-Mock-Scenario': s.name, 'X-TC-Language': language } });
        const res = await fetch(`${server.url}/`, { method: 'POST', headers, body });
        expect(res.status, s.name).toBe(s.error!.httpStatus);
        expect((await res.json()).Response.Error, s.name).toEqual({ Code: s.error!.code, Message: text });
      }
    }
  });

  it('Huawei: every error entry is what the client gets, with the catalog status', async () => {
    const errors = (await list('?api=RecognizeIdCard'))['huawei:RecognizeIdCard']!.filter((s) => s.error);
    expect(new Set(errors.map((s) => s.error!.code))).toEqual(new Set([...Object.keys(server.runtime.data.apis.get('huawei:RecognizeIdCard')!.errors), ...Object.keys(server.runtime.data.commonErrors.huawei ?? {})]));
    expect(new Set(errors.map((s) => s.error!.httpStatus)).size).toBeGreaterThan(3);
    for (const s of errors) {
      const res = await signedFetch(server.url, ocrPath(), { image }, { now: Date.now(), headers: { 'X-Mock-Scenario': s.name } });
      expect(res.status, s.name).toBe(s.error!.httpStatus);
      expect(await res.json(), s.name).toMatchObject({ error_code: s.error!.code, error_msg: s.error!.message.en });
    }
  });
});

describe('pretty JSON', () => {
  it('the admin API indents by 2; the vendor front doors stay compact', async () => {
    const text = await (await fetch(`${server.url}/__mock/health`)).text();
    expect(text).toMatch(/^\{\n {2}"status": "ok",\n/);
    expect(text.endsWith('}\n')).toBe(true);
    const body = JSON.stringify({ ImageBase64: image });
    const vendor = await (await fetch(`${server.url}/`, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body }), body })).text();
    expect(vendor).not.toContain('\n');
  });
});
