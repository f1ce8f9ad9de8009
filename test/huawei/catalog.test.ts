import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import type { CatalogEntry } from '../../src/data/types.ts';

// Every Huawei error code in the catalogs, asked for by name, comes back with its documented status,
// message and envelope: new codes in the data get a test without touching this file.
const read = (p: string): Record<string, CatalogEntry> => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8')).errors;
const catalog = { ...read('schemas/huawei/errors.json'), ...read('schemas/huawei/ocr/RecognizeIdCard/errors.json') };
const codes = Object.entries(catalog);

let server: TestServer;
beforeAll(async () => { server = await startServer({ huaweiRateLimitPerMinute: 10_000 }); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'hw-catalog' }).toString('base64');
const ask = (scenario: string): Promise<Response> =>
  signedFetch(server.url, ocrPath(), { image }, { now: Date.now(), headers: { 'X-Mock-Scenario': scenario } });

/** The placeholders a scenario-chosen message gets from the catalog's `vars`. */
const expected = (e: CatalogEntry): string => e.en.replace(/\{(\w+)\}/g, (m, k: string) => e.vars?.[k] ?? m);

describe('every Huawei error code by scenario name', () => {
  it.each(codes)('%s', async (code, entry) => {
    const res = await ask(code);
    const body = await res.json();
    const requestId = res.headers.get('x-request-id');
    expect(res.status).toBe(entry.status);
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    if (code.startsWith('IAM.')) expect(body).toEqual({ error: { code: entry.status, message: expected(entry), title: expect.any(String) } });
    else if (code.startsWith('APIG.')) expect(body).toEqual({ error_code: code, error_msg: expected(entry), request_id: requestId });
    else expect(body).toEqual({ error_code: code, error_msg: expected(entry) });
  });
});

describe('the APIGW. spelling, chosen by the apigw-prefix scenario', () => {
  const gateway = codes.filter(([code]) => code.startsWith('APIG.'));
  it.each(gateway)('%s → APIGW.', async (code, entry) => {
    const res = await ask(`apigw-prefix,${code}`);
    expect(res.status).toBe(entry.status);
    expect(await res.json()).toMatchObject({ error_code: code.replace('APIG.', 'APIGW.'), error_msg: expected(entry) });
  });

  it('applies to gateway errors of real triggers too', async () => {
    const res = await signedFetch(server.url, ocrPath(), { image }, { now: Date.now(), sk: 'WRONG', headers: { 'X-Mock-Scenario': 'apigw-prefix' } });
    expect(await res.json()).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('leaves other codes alone', async () => {
    expect(await (await ask('apigw-prefix,AIS.0103')).json()).toMatchObject({ error_code: 'AIS.0103' });
  });
});
