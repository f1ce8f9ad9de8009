import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';

// IDCardOCR's warnings and scenario choice; every error code of every API is test/catalog.test.ts's.
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// The catalogs are read as files: the test holds the emulator to the data, not to its own loader.
const read = (p: string) => JSON.parse(readFileSync(new URL(`../../schemas/tencent/${p}`, import.meta.url), 'utf8'));
const warnings: Record<string, { flag: string; requires?: Record<string, string> }> = read('ocr/IDCardOCR/warnings.json').warnings;
const image = makeCardImage({ seed: 'catalog' }).toString('base64');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const viaScenario = (scenario: string, language?: 'zh-CN' | 'en-US') =>
  ocrClient(server.endpoint, { language, headers: { 'X-Mock-Scenario': scenario } });

describe('every warning code comes back in AdvancedInfo.WarnInfos when its flag is on', () => {
  it.each(Object.entries(warnings))('%s (%o)', async (code, w) => {
    const client = viaScenario(`warning:${code}`);
    const on = await client.IDCardOCR({ ImageBase64: image, Config: JSON.stringify({ [w.flag]: true }), ...w.requires });
    expect(JSON.parse(on.AdvancedInfo!).WarnInfos).toEqual([Number(code)]);
    const off = await client.IDCardOCR({ ImageBase64: image });
    expect(JSON.parse(off.AdvancedInfo!).WarnInfos).toEqual([]);
  });

  it('-9110 and -9111 need CardWarnType Advanced', async () => {
    const r = await viaScenario('warning:-9110,warning:-9111').IDCardOCR({ ImageBase64: image, Config: JSON.stringify({ DetectPsWarn: true }) });
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([]);
  });

  it('warnings combine, each reported when its own flag is on', async () => {
    const r = await viaScenario('warning:-9102,warning:-9103,warning:-9107').IDCardOCR({
      ImageBase64: image,
      Config: JSON.stringify({ CopyWarn: true, ReshootWarn: true }),
    });
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9102, -9103]);
  });

  it('glare with EnableReflectDetail lists where the glare is', async () => {
    const r = await viaScenario('warning:-9107').IDCardOCR({ ImageBase64: image, Config: JSON.stringify({ ReflectWarn: true }), EnableReflectDetail: true });
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9107]);
    expect(r.ReflectDetailInfos!.length).toBeGreaterThan(0);
    for (const d of r.ReflectDetailInfos!) expect(['NationalEmblem', 'Portrait', 'RecognitionField', 'Others']).toContain(d.Position);
  });

  it('glare without EnableReflectDetail, or without a glare reported, leaves ReflectDetailInfos empty (response.json: its items\' x-when)', async () => {
    const reflect = JSON.stringify({ ReflectWarn: true });
    const noDetail = await viaScenario('warning:-9107').IDCardOCR({ ImageBase64: image, Config: reflect });
    expect(JSON.parse(noDetail.AdvancedInfo!).WarnInfos).toEqual([-9107]);
    expect(noDetail.ReflectDetailInfos).toEqual([]);
    const noGlare = await viaScenario('').IDCardOCR({ ImageBase64: image, Config: reflect, EnableReflectDetail: true });
    expect(noGlare.ReflectDetailInfos).toEqual([]);
  });

  it('BorderCodeValue is high (60-95) with a border or occlusion warning, low (5-40) without one', async () => {
    const config = JSON.stringify({ BorderCheckWarn: true });
    const value = async (scenario: string) => JSON.parse((await viaScenario(scenario).IDCardOCR({ ImageBase64: image, Config: config })).AdvancedInfo!).BorderCodeValue as number;
    for (const scenario of ['warning:-9101', 'warning:-9105']) expect(await value(scenario), scenario).toBeGreaterThanOrEqual(60);
    expect(await value('')).toBeLessThanOrEqual(40);
  });

  it('file scenarios work too: photocopy gives -9102 and -9108', async () => {
    const r = await viaScenario('photocopy').IDCardOCR({ ImageBase64: image, Config: JSON.stringify({ CopyWarn: true }) });
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9102, -9108]);
  });

  it('a fixture image can carry its scenario in its marker', async () => {
    const marked = makeCardImage({ seed: 'catalog', markers: { scenario: ['FailedOperation.ImageBlur'] } }).toString('base64');
    const e = await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: marked }));
    expect(e.code).toBe('FailedOperation.ImageBlur');
  });

  it('an unknown scenario name is an error that lists the valid names', async () => {
    const e = await sdkError(viaScenario('no-such-thing').IDCardOCR({ ImageBase64: image }));
    expect(e.code).toBe('Mock.UnknownScenario');
    expect(e.message).toContain('no-such-thing');
    expect(e.message).toContain('warning:-9102');
    expect(e.message).toContain('FailedOperation.ImageBlur');
  });
});
