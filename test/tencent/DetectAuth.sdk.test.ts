import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, createDecipheriv, privateDecrypt } from 'node:crypto';
import jpeg from 'jpeg-js';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, sdkError, SECRET_ID } from '../helpers/tencentClients.ts';

/**
 * The hosted verification flow without a browser, through tencentcloud-sdk-nodejs's faceid client:
 * DetectAuth → the tester's choice (POST /__mock/faceid/verify, what the page's buttons send) →
 * GetDetectInfoEnhanced and GetDetectInfo. The page itself, in Chromium: test/ui/faceidPage.browser.test.ts.
 */
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

type Text = Record<string, unknown>;
const client = (s: TestServer = server, headers?: Record<string, string>) => faceidClient(s.endpoint, { headers });
const post = (s: TestServer, path: string, body: unknown) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const verify = (s: TestServer, token: string, outcome: string) => post(s, '/__mock/faceid/verify', { token, outcome });
const advance = (s: TestServer, by: string) => post(s, '/__mock/clock', { advance: by });
const PERSON = { IdCard: '110101198003074413', Name: '韦小宝' };
const start = (s: TestServer = server, extra: Record<string, unknown> = PERSON) =>
  client(s).DetectAuth({ RuleId: '1', RedirectUrl: 'https://app.example/kyc/done?order=7', Extra: 'order-7', ...extra });
const result = async (token: string, more: Record<string, unknown> = {}, s: TestServer = server, headers?: Record<string, string>) =>
  client(s, headers).GetDetectInfoEnhanced({ BizToken: token, RuleId: '1', InfoType: '0', ...more });

describe('DetectAuth', () => {
  it('answers a BizToken and the Url of the emulator\'s own page on the host the request came to', async () => {
    const r = await start();
    expect(r.BizToken).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(r.Url).toBe(`http://${server.endpoint}/verify/${r.BizToken}`);
    const page = await fetch(r.Url!);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect((await start()).BizToken).not.toBe(r.BizToken);
  });

  it('checks its inputs: RuleId is required, RedirectUrl must be a URL, Name at most 32 characters', async () => {
    expect((await sdkError(client().DetectAuth({} as never))).code).toBe('MissingParameter');
    expect((await sdkError(client().DetectAuth({ RuleId: '1', RedirectUrl: 'not a url' })))).toMatchObject({ code: 'InvalidParameter' });
    expect((await sdkError(client().DetectAuth({ RuleId: '1', RedirectUrl: 'javascript:alert(1)' })))).toMatchObject({ code: 'InvalidParameter' });
    expect((await sdkError(client().DetectAuth({ RuleId: '1', Name: '韦'.repeat(33) })))).toMatchObject({ code: 'InvalidParameter' });
  });
});

describe('the outcome, chosen without a browser', () => {
  it('pass: Text has ErrCode 0, the person, live and compare 0, a Sim of at least 70, Extra; the redirect carries BizToken', async () => {
    const { BizToken } = await start();
    const chosen = await verify(server, BizToken!, '0');
    expect(chosen.status).toBe(200);
    expect(await chosen.json()).toMatchObject({ outcome: '0', stage: 'pass', redirect: `https://app.example/kyc/done?order=7&BizToken=${BizToken}` });
    const r = await result(BizToken!);
    const t = r.Text as Text;
    expect(t).toMatchObject({ ErrCode: 0, ErrMsg: '成功', IdCard: PERSON.IdCard, Name: PERSON.Name, LiveStatus: 0, Comparestatus: 0, Extra: 'order-7', IdInfoFrom: '其他', UseIDType: 0 });
    expect(Number(t.Sim)).toBeGreaterThanOrEqual(70);
    expect((t.LivenessDetail as Text[])[0]).toMatchObject({ Errcode: 0, IsNeedCharge: true, Idcard: PERSON.IdCard });
    // The same answer again (results can be fetched many times), and from the older API.
    expect((await result(BizToken!)).Text).toEqual(t);
    const old = JSON.parse((await client().GetDetectInfo({ BizToken: BizToken!, RuleId: '1', InfoType: '1' })).DetectInfo!);
    expect(old.Text).toMatchObject({ ErrCode: 0, ErrMsg: '成功', IdCard: PERSON.IdCard, Name: PERSON.Name, Sim: t.Sim });
    expect(Object.keys(old)).toEqual(['Text']);
  });

  it('a liveness failure: ErrCode and LiveStatus are its code, no comparison ran; a face that does not match: Comparestatus 2016, Sim under 70', async () => {
    const a = (await start()).BizToken!;
    expect((await verify(server, a, '1005')).status).toBe(200);
    expect((await result(a)).Text).toMatchObject({ ErrCode: 1005, ErrMsg: '活体检测失败', LiveStatus: 1005, Comparestatus: null, Sim: null });
    const b = (await start()).BizToken!;
    await verify(server, b, '2016');
    const t = (await result(b)).Text as Text;
    expect(t).toMatchObject({ ErrCode: 2016, LiveStatus: 0, Comparestatus: 2016, Comparemsg: '比对相似度未达到通过标准' });
    expect(Number(t.Sim)).toBeLessThan(70);
  });

  it('a user who cancels: 1410 and no checks; English when the client asks for it', async () => {
    const token = (await start()).BizToken!;
    await verify(server, token, '1410');
    const t = (await faceidClient(server.endpoint, { language: 'en-US' }).GetDetectInfoEnhanced({ BizToken: token, RuleId: '1' })).Text;
    expect(t).toMatchObject({ ErrCode: 1410, ErrMsg: 'User exited voluntarily', LiveStatus: null, LivenessDetail: [] });
  });

  it('before the user finishes, the result is empty (the vendor example\'s nulls), said in X-Mock-Notice; a second choice is refused', async () => {
    const token = (await start()).BizToken!;
    expect((await result(token)).Text).toMatchObject({ ErrCode: null, ErrMsg: null, LiveStatus: null, Sim: null });
    expect((await server.runtime.state.journal.list()).at(-1)!.notices.join(' ')).toContain('has not finished');
    await verify(server, token, '1002');
    expect((await verify(server, token, '0')).status).toBe(409);
    expect((await result(token)).Text).toMatchObject({ ErrCode: 1002 });
  });

  it('refuses what the control plane cannot do: an unknown token (404), an outcome not in the list (400)', async () => {
    expect((await verify(server, 'NO-SUCH-TOKEN', '0')).status).toBe(404);
    const token = (await start()).BizToken!;
    const bad = await verify(server, token, '9999');
    expect(bad.status).toBe(400);
    expect((await bad.json()).outcomes).toEqual(expect.arrayContaining(['0', '1001', '2016', '1410', '15']));
  });
});

describe('the result APIs\' errors', () => {
  it('a BizToken never issued is InvalidParameter Invalid BizToken. (非法BizToken。 in Chinese); another RuleId is RuleIdNotExist', async () => {
    expect(await sdkError(result('CE661F1A-0F1E-45BD-BE13-34C05CEA7681'))).toMatchObject({ code: 'InvalidParameter', message: 'Invalid BizToken.' });
    expect(await sdkError(client().GetDetectInfo({ BizToken: 'CE661F1A-0F1E-45BD-BE13-34C05CEA7681', RuleId: '1' }))).toMatchObject({ code: 'InvalidParameter' });
    const token = (await start()).BizToken!;
    expect((await sdkError(result(token, { RuleId: '2' }))).code).toBe('InvalidParameterValue.RuleIdNotExist');
    expect((await sdkError(result(token, { InfoType: '9' }))).code).toBe('InvalidParameter');
  });
});

describe('the emulated clock (signatures are not checked here: the clock runs days ahead of the SDK\'s)', () => {
  it('a token nobody finishes expires after 7,200 s: the page refuses it and the result is 15 Token expired', async () => {
    const s = await startServer({ rateLimit: false, auth: 'off' });
    try {
      const token = (await start(s)).BizToken!;
      await advance(s, '7199s');
      expect(((await result(token, {}, s)).Text as Text).ErrCode).toBeNull();
      await advance(s, '2s');
      expect((await result(token, {}, s)).Text).toMatchObject({ ErrCode: 15, ErrMsg: 'Token已过期', LiveStatus: null });
      expect((await verify(s, token, '0')).status).toBe(409);
      expect((await (await fetch(`${s.url}/verify/${token}/flow`)).json()).state).toBe('expired');
    } finally {
      await s.close();
    }
  });

  it('results are kept for 3 days, then InvalidParameterValue.BizTokenExpired', async () => {
    const s = await startServer({ rateLimit: false, auth: 'off' });
    try {
      const token = (await start(s)).BizToken!;
      await verify(s, token, '0');
      await advance(s, '71h');
      await advance(s, '3599s');
      expect(((await result(token, {}, s)).Text as Text).ErrCode).toBe(0);
      await advance(s, '2s');
      expect((await sdkError(result(token, {}, s))).code).toBe('InvalidParameterValue.BizTokenExpired');
      expect((await sdkError(s === server ? result(token) : client(s).GetDetectInfo({ BizToken: token, RuleId: '1' }))).code).toBe('InvalidParameterValue.BizTokenExpired');
    } finally {
      await s.close();
    }
  });
});

describe('a scenario or binding decides the outcome: no page at all', () => {
  it('X-Mock-Scenario result:1004 answers it and decides the flow, so GetDetectInfo agrees', async () => {
    const token = (await start()).BizToken!;
    expect(((await result(token, {}, server, { 'X-Mock-Scenario': 'result:1004' })).Text as Text).ErrCode).toBe(1004);
    expect(JSON.parse((await client().GetDetectInfo({ BizToken: token, RuleId: '1' })).DetectInfo!).Text.ErrCode).toBe(1004);
    expect((await verify(server, token, '0')).status).toBe(409);
  });

  it('the named scenarios of scenarios/tencent/faceid/GetDetectInfoEnhanced/ (liveness-fails, face-mismatch, user-cancels)', async () => {
    for (const [name, code] of [['liveness-fails', 1005], ['face-mismatch', 2016], ['user-cancels', 1410]] as const) {
      const token = (await start()).BizToken!;
      expect(((await result(token, {}, server, { 'X-Mock-Scenario': name })).Text as Text).ErrCode).toBe(code);
    }
  });

  it('a binding on the caller', async () => {
    const s = await startServer({ rateLimit: false });
    try {
      const token = (await start(s)).BizToken!;
      const bound = await fetch(`${s.url}/__mock/bindings/${SECRET_ID}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'result:2016' }) });
      expect(bound.status).toBe(200);
      expect(((await result(token, {}, s)).Text as Text).ErrCode).toBe(2016);
    } finally {
      await s.close();
    }
  });
});

describe('images and encryption', () => {
  const size = (b64: unknown) => { const d = jpeg.decode(Buffer.from(String(b64), 'base64')); return [d.width, d.height]; };

  it('when the page read the card (no IdCard or Name given): the card photos, cut and head on request, and the best frames asked for', async () => {
    const token = (await start(server, {})).BizToken!;
    await verify(server, token, '0');
    const r = await result(token, { IsCutIdCardImage: true, IsNeedIdCardAvatar: true, BestFramesCount: 12 });
    const t = r.Text as Text;
    expect(t).toMatchObject({ IdInfoFrom: 'OCR', OcrName: t.Name, OcrIdCard: t.IdCard });
    expect(t.OcrAddress).toEqual(expect.any(String));
    const cards = r.IdCardData as Text;
    for (const k of ['OcrFront', 'OcrBack', 'ProcessedFrontImage', 'ProcessedBackImage']) expect(size(cards[k])).toEqual([428, 270]);
    expect(size(cards.Avatar)).toEqual([179, 220]);
    const frames = r.BestFrame as { BestFrame: string; BestFrames: string[] };
    expect(size(frames.BestFrame)).toEqual([179, 220]);
    expect(frames.BestFrames).toHaveLength(10);
    // The person the page read is on record: the verification APIs agree.
    expect((await client().IdCardVerification({ IdCard: String(t.IdCard), Name: String(t.Name) })).Result).toBe('0');
  });

  it('InfoType 1 holds the text only; with IdCard and Name given there are no card photos', async () => {
    const token = (await start()).BizToken!;
    await verify(server, token, '0');
    const r = await result(token, { InfoType: '1' });
    expect(r.IdCardData).toMatchObject({ OcrFront: null, OcrBack: null });
    expect(r.BestFrame).toMatchObject({ BestFrame: null });
    expect(((await result(token, { InfoType: '23' })).IdCardData as Text).OcrFront).toBeNull();
  });

  it('Encryption (AES-256-CBC) encrypts Name and IdCard with a key the published test private key unwraps', async () => {
    const token = (await start()).BizToken!;
    await verify(server, token, '0');
    const r = await result(token, { Encryption: { Algorithm: 'AES-256-CBC', EncryptList: [], CiphertextBlob: '', Iv: 'abcdefghijklmnop' } });
    const e = r.Encryption as { EncryptList: string[]; CiphertextBlob: string; Iv: string };
    expect(e.EncryptList.sort()).toEqual(['IdCard', 'Name', 'OcrIdCard', 'OcrName'].filter((k) => k === 'IdCard' || k === 'Name'));
    expect(e.Iv).toBe('abcdefghijklmnop');
    const { privateKey } = await (await fetch(`${server.url}/__mock/encryption`)).json() as { privateKey: string };
    const key = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(e.CiphertextBlob, 'base64'));
    const open = (v: unknown) => { const d = createDecipheriv('aes-256-cbc', key, Buffer.from(e.Iv)); return Buffer.concat([d.update(Buffer.from(String(v), 'base64')), d.final()]).toString('utf8'); };
    const t = r.Text as Text;
    expect([open(t.Name), open(t.IdCard)]).toEqual([PERSON.Name, PERSON.IdCard]);
    expect((await sdkError(result(token, { Encryption: { Algorithm: 'SM4-GCM', EncryptList: [], CiphertextBlob: '', Iv: '' } }))).code).toBe('FailedOperation.EncryptSystemError');
  });
});

describe('as every API: sequences, faults, coverage and the journal', () => {
  it('a binding with steps plays one outcome per call; a fault reaches the SDK as a failed request', async () => {
    const s = await startServer({ rateLimit: false });
    try {
      const caller = 'AKIDDETECTAUTHSTEPS0000000000000000';
      const tokens = [(await start(s)).BizToken!, (await start(s)).BizToken!];
      const bind = (body: unknown) => fetch(`${s.url}/__mock/bindings/${caller}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect((await bind({ steps: [{ result: '1005' }, { result: '2016' }, { error: 'FailedOperation.UnKnown' }] })).status).toBe(200);
      const read = (token: string) => faceidClient(s.endpoint, { secretId: caller }).GetDetectInfoEnhanced({ BizToken: token, RuleId: '1' });
      expect(((await read(tokens[0]!)).Text as Text).ErrCode).toBe(1005);
      expect(((await read(tokens[1]!)).Text as Text).ErrCode).toBe(2016);
      expect((await sdkError(read(tokens[1]!))).code).toBe('FailedOperation.UnKnown');
      expect((await bind({ steps: [{ fault: 'http-502' }] })).status).toBe(200);
      expect((await sdkError(faceidClient(s.endpoint, { secretId: caller }).DetectAuth({ RuleId: '1' }))).message).toMatch(/502|Bad Gateway/);
      const coverage = await (await fetch(`${s.url}/__mock/coverage`)).json() as Record<string, { results: Record<string, boolean> }>;
      expect(coverage['tencent:GetDetectInfoEnhanced']!.results).toMatchObject({ 1005: true, 2016: true, 0: false });
    } finally {
      await s.close();
    }
  });

  it('no name, ID number, address or image of a flow can be read back from the journal or the request log', async () => {
    const lines: string[] = [];
    const { requestLogLine } = await import('../../src/log/requestLogLine.ts');
    const s = await startServer({ rateLimit: false, requestLog: (e) => lines.push(requestLogLine(e, 'json'), requestLogLine(e, 'pretty')) });
    try {
      const given = (await start(s)).BizToken!;
      const read = (await start(s, {})).BizToken!;
      for (const token of [given, read]) await verify(s, token, '0');
      const answers = [await result(given, {}, s), await result(read, { IsNeedIdCardAvatar: true, BestFramesCount: 2 }, s)];
      const old = await client(s).GetDetectInfo({ BizToken: read, RuleId: '1' });
      const journal = JSON.stringify(await (await fetch(`${s.url}/__mock/journal`)).json());
      const t = answers[1]!.Text as Text;
      const secrets = [PERSON.IdCard, PERSON.Name, String(t.IdCard), String(t.Name), String(t.OcrAddress),
        String((answers[1]!.IdCardData as Text).OcrFront).slice(200, 260), String((answers[1]!.BestFrame as Text).BestFrame).slice(200, 260)];
      expect(JSON.parse(old.DetectInfo!).Text.Name).toBe(t.Name);
      for (const where of [journal, ...lines]) for (const secret of secrets) expect(where).not.toContain(secret);
      expect(journal).toContain(`**************${String(t.IdCard).slice(-4)}`);
    } finally {
      await s.close();
    }
  });
});
