import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import * as ocrSdk from 'tencentcloud-sdk-nodejs-ocr';
import { intlOcrClient, ocrClient, sdkError, SECRET_ID, SECRET_KEY } from '../helpers/tencentClients.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { loadData } from '../../src/data/loadData.ts';
import { requestLogLine } from '../../src/log/requestLogLine.ts';

// Never silent about the caller's own mistakes (issue 14, section 3): the vendor's answer exactly as
// the vendor gives it, and X-Mock-Notice, the journal and the request log say what was wrong.
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'notices' }).toString('base64');
const lastEntry = async () => (await server.runtime.state.journal.list()).at(-1)!;

/** A hand-signed TC3 request: the headers the SDK does not show. */
async function raw(params: Record<string, unknown>, o: { action?: string; version?: string; headers?: Record<string, string> } = {}) {
  const body = JSON.stringify(params);
  const res = await fetch(server.url, { method: 'POST', body, headers: tc3Headers({ host: server.endpoint, body, ...o }) });
  return { notice: res.headers.get('x-mock-notice'), body: await res.json() as { Response: Record<string, unknown> } };
}

/** The vendor's error envelope and nothing else in it. */
function expectVendorError(body: { Response: Record<string, unknown> }, code: string, message: string): void {
  expect(body).toEqual({ Response: { Error: { Code: code, Message: message }, RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
}

// Every Tencent action of the data, in the data's order, as the notice lists them (so a new API is listed too).
const ACTIONS = [...loadData(new URL('../../', import.meta.url).pathname).apis.values()].filter((a) => a.meta.provider === 'tencent').map((a) => a.meta.action).join(', ');

describe('an unknown action', () => {
  it.each([['IDCardOCRX'], ['idcardocr']])('%s: InvalidAction as the vendor says it; the notice names the actions served and the nearest', async (action) => {
    const notice = `unknown action "${action}" (did you mean IDCardOCR?); this emulator serves ${ACTIONS}`;
    const e = await sdkError(ocrClient(server.endpoint).request(action, { ImageBase64: image }));
    expect({ code: e.code, message: e.message }).toEqual({ code: 'InvalidAction', message: 'The request `Action` is invalid or not found.' });
    expect((await lastEntry()).notices).toEqual([notice]);

    const res = await raw({ ImageBase64: image }, { action });
    expectVendorError(res.body, 'InvalidAction', 'The request `Action` is invalid or not found.');
    expect(res.notice).toBe(notice);
    expect((await lastEntry())).toMatchObject({ outcome: 'InvalidAction', notices: [notice] });
  });

  it('a Version the action is not served at: the notice names the one it is', async () => {
    const res = await raw({ ImageBase64: image }, { version: '2019-01-01' });
    expectVendorError(res.body, 'NoSuchVersion', 'The requested `Version` `2019-01-01` of `IDCardOCR` does not exist.');
    expect(res.notice).toBe('IDCardOCR is served at Version 2018-11-19, not "2019-01-01"');
  });
});

describe('a parameter refused', () => {
  it('CardSide "front": the vendor code and message; the notice names the parameter, the allowed values and the nearest', async () => {
    const notice = 'parameter CardSide: "front" is not one of the allowed values "FRONT", "BACK", "" (did you mean FRONT?)';
    const e = await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image, CardSide: 'front' }));
    expect({ code: e.code, message: e.message }).toEqual({ code: 'InvalidParameterValue.InvalidParameterValueLimit', message: 'Incorrect parameter value.' });
    expect((await lastEntry()).notices).toEqual([notice]);

    const res = await raw({ ImageBase64: image, CardSide: 'front' });
    expectVendorError(res.body, 'InvalidParameterValue.InvalidParameterValueLimit', 'Incorrect parameter value.');
    expect(res.notice).toBe(notice);
    // The request log carries it too (the CLI's --log), under the request's line.
    expect(requestLogLine((await lastEntry()), 'pretty')).toContain(`\n    notice: ${notice}`);
    expect(JSON.parse(requestLogLine((await lastEntry()), 'json'))).toMatchObject({ notices: [notice] });
  });

  it('an unknown parameter: the nearest one and what the action takes', async () => {
    const res = await raw({ ImageBase64: image, Cardside: 'FRONT' });
    expectVendorError(res.body, 'UnknownParameter', 'The parameter `Cardside` is not recognized.');
    expect(res.notice).toBe('unknown parameter Cardside (did you mean CardSide?); IDCardOCR takes ImageBase64, ImageUrl, CardSide, Config, EnableRecognitionRectify, EnableReflectDetail, EnableDateVerify, CardWarnType');
  });

  it('a name outside Latin-1 is escaped in the header, a lone surrogate too, and kept as sent in the journal', async () => {
    const emoji = await raw({ ImageBase64: image, 'Card😀Side': 'FRONT' });
    expect(emoji.notice).toMatch(/^unknown parameter Card%F0%9F%98%80Side \(did you mean CardSide\?\); IDCardOCR takes /);
    expect((await lastEntry()).notices[0]).toMatch(/^unknown parameter Card😀Side /);
    const lone = await raw({ ImageBase64: image, 'Card\ud800Side': 'FRONT' });
    expect(lone.body.Response.Error).toMatchObject({ Code: 'UnknownParameter' });
    expect(lone.notice).toMatch(/^unknown parameter Card%EF%BF%BDSide /);
  });

  it('inside Config: which key, and what it must be; text that is not JSON says so', async () => {
    const wrongType = await raw({ ImageBase64: image, Config: '{"CropIdCard":"yes"}' });
    expectVendorError(wrongType.body, 'InvalidParameter.ConfigFormatError', 'Config is not in valid JSON format.');
    expect(wrongType.notice).toBe('parameter Config.CropIdCard must be boolean, not "yes"');
    const notJson = await raw({ ImageBase64: image, Config: '{CropIdCard:true}' });
    expect(notJson.notice).toMatch(/^Config must be a JSON string \(.+\)$/);
  });

  it('a personal parameter is named, its value never quoted', async () => {
    const e = await sdkError(ocrClient(server.endpoint).request('IDCardOCR', { ImageBase64: 12345 }));
    expect(e.code).toBe('InvalidParameter');
    expect((await lastEntry()).notices).toEqual(['parameter ImageBase64 must be string']);
  });
});

describe('an unknown Region', () => {
  // These APIs take no Region (schemas/tencent/provider.json `regions`): answered, and noted.
  const notice = 'Region "ap-guangzho" is not a region Tencent Cloud documents (did you mean ap-guangzhou?); answered all the same, as these APIs do not need a Region (ap-guangzhou, ap-shanghai, ap-nanjing, ap-beijing, ap-chengdu, ap-chongqing, ap-hongkong, ap-singapore, ap-bangkok, ap-mumbai, ap-seoul, ap-tokyo, na-ashburn, na-siliconvalley, na-toronto, eu-frankfurt, eu-moscow)';

  it('is answered as the vendor answers it, with a notice', async () => {
    const res = await raw({ ImageBase64: image }, { headers: { 'X-TC-Region': 'ap-guangzho' } });
    expect(res.body.Response.IdNum).toMatch(/^\d{17}[\dX]$/);
    expect(res.body.Response).not.toHaveProperty('Error');
    expect(res.notice).toBe(notice);
    expect((await lastEntry())).toMatchObject({ outcome: 'ok', notices: [notice] });
  });

  it('a documented region, none, or the literal `null` node-intl sends for none, is no notice', async () => {
    const known = await raw({ ImageBase64: image }, { headers: { 'X-TC-Region': 'ap-guangzhou' } });
    expect(known.notice).toBeNull();
    const nullRegion = await raw({ ImageBase64: image }, { headers: { 'X-TC-Region': 'null' } });
    expect(nullRegion.notice).toBeNull();
    await intlOcrClient(server.endpoint).call('IDCardOCR', { ImageBase64: image });
    expect((await lastEntry())).toMatchObject({ outcome: 'ok', notices: [] });
  });

  it('through the SDK (v1 form, the Region parameter)', async () => {
    const client = new ocrSdk.ocr.v20181119.Client({
      credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      region: 'ap-guangzho',
      profile: { signMethod: 'HmacSHA256', httpProfile: { endpoint: server.endpoint, protocol: 'http://' } },
    });
    const ok = await client.IDCardOCR({ ImageBase64: image });
    expect(ok.IdNum).toMatch(/^\d{17}[\dX]$/);
    expect((await lastEntry())).toMatchObject({ style: 'v1-form', notices: [notice] });
  });
});

describe('a scenario that pins a field the request does not ask for', () => {
  it('blurry without Config.Quality: no Quality in AdvancedInfo, as the vendor sends none, and a notice that says so; with it, Quality 32', async () => {
    const headers = { 'X-Mock-Scenario': 'blurry' };
    const unasked = await raw({ ImageBase64: image }, { headers });
    expect(JSON.parse(unasked.body.Response.AdvancedInfo as string)).toEqual({ WarnInfos: [] });
    const notice = 'AdvancedInfo.Quality of scenario blurry left out: this request does not ask for it';
    expect(unasked.notice).toBe(notice);
    expect((await lastEntry()).notices).toEqual([notice]);

    const asked = await raw({ ImageBase64: image, Config: JSON.stringify({ Quality: true }) }, { headers });
    expect(JSON.parse(asked.body.Response.AdvancedInfo as string)).toEqual({ WarnInfos: [], Quality: 32 });
    expect(asked.notice).toBeNull();
  });
});
