import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { sniffImage } from '../../src/images/sniffImage.ts';
import { mod112Valid } from '../helpers/independentChecks.ts';

// RecognizeValidIDCardOCR through tencentcloud-sdk-nodejs-ocr's own client method: every card type on
// both sides, by CardType and by the fixture image's card marker.
interface Content { Content: string; Confidence: number; IsInComplete: number; IsReflect: number; IsKeyInComplete: number; IsKeyReflect: number }
type Info = Record<string, Content> & { WarnInfos: Record<string, number> };
interface Answer { Type: string; IDCardInfo: Info | null; TemporaryIDCardInfo: Info | null; ResidencePermitInfo: Info | null; PermanentResidencePermitInfo: Info | null; RequestId: string }

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, now: standingClock() }); });
afterAll(() => server.close());

const image = (seed: string, markers?: Record<string, string>): string => makeCardImage({ seed, markers }).toString('base64');
const recognize = (req: Record<string, unknown>, headers?: Record<string, string>): Promise<Answer> =>
  ocrClient(server.endpoint, { headers }).RecognizeValidIDCardOCR(req) as unknown as Promise<Answer>;
const INFOS = ['IDCardInfo', 'TemporaryIDCardInfo', 'ResidencePermitInfo', 'PermanentResidencePermitInfo'] as const;
const filled = (info: Info): string[] => Object.keys(info).filter((k) => k !== 'WarnInfos' && info[k]!.Content !== '').sort();
const ymd = (chinese: string): number => { const [y, m, d] = chinese.match(/\d+/g)!.map(Number); return y! * 10000 + m! * 100 + d!; };

describe('RecognizeValidIDCardOCR: every card type, portrait and emblem side', () => {
  const cases = [
    { cardType: 1, info: 'IDCardInfo', type: '身份证人像面', fields: ['Address', 'Birth', 'IdNum', 'Name', 'Nation', 'Sex'] },
    { cardType: 2, info: 'IDCardInfo', type: '身份证国徽面', fields: ['Authority', 'ValidDate'] },
    { cardType: 4, info: 'TemporaryIDCardInfo', type: '临时身份证人像面', fields: ['Address', 'Birth', 'IdNum', 'Name', 'Nation', 'Sex'] },
    { cardType: 5, info: 'TemporaryIDCardInfo', type: '临时身份证国徽面', fields: ['Authority', 'ValidDate'] },
    { cardType: 7, info: 'ResidencePermitInfo', type: '港澳台居住证人像面', fields: ['Address', 'Birth', 'IdNum', 'Name', 'Sex'] },
    { cardType: 8, info: 'ResidencePermitInfo', type: '港澳台居住证国徽面', fields: ['Authority', 'IssueNum', 'PassNum', 'ValidDate'] },
    { cardType: 10, info: 'PermanentResidencePermitInfo', type: '外国人永久居留证人像面', fields: ['Birth', 'EnName', 'IdNum', 'Name', 'Nationality', 'Sex'] },
    { cardType: 11, info: 'PermanentResidencePermitInfo', type: '外国人永久居留证国徽面', fields: ['Authority', 'HolderNum', 'ValidDate'] },
  ] as const;

  it.each(cases)('CardType $cardType: $type in $info, the three other objects null', async ({ cardType, info, type, fields }) => {
    const r = await recognize({ ImageBase64: image(`valid-${cardType}`), CardType: cardType });
    expect(r.Type).toBe(type);
    for (const name of INFOS) expect(r[name] === null, name).toBe(name !== info);
    const got = r[info]!;
    expect(filled(got)).toEqual(fields);
    for (const f of fields) expect(got[f]!.Confidence).toBeGreaterThanOrEqual(85);
    for (const [k, c] of Object.entries(got)) if (k !== 'WarnInfos' && !(fields as readonly string[]).includes(k)) expect((c as Content).Confidence, k).toBe(0);
    expect(got.Authority!.Confidence === 0).toBe(!fields.includes('Authority' as never));
    expect(got.WarnInfos).toEqual({ BorderCheck: 0, OcclusionCheck: 0, CopyCheck: 0, ReshootCheck: 0, PSCheck: 0 });
    if (got.IdNum!.Content) {
      const id = got.IdNum!.Content;
      if (info === 'ResidencePermitInfo') expect(id).toMatch(/^8[123]0000\d{11}[\dX]$/);
      if (info === 'PermanentResidencePermitInfo') expect(id).toMatch(/^(9\d{16}[\dX]|[A-Z]{3}\d{12})$/);
      if (id.length === 18) expect(mod112Valid(id), id).toBe(true);
      expect(ymd(got.Birth!.Content)).toBeLessThan(20081205);
    }
    if (got.ValidDate!.Content) {
      const [from, to] = got.ValidDate!.Content.split('-');
      expect(Number(from!.replaceAll('.', ''))).toBeLessThan(Number(to!.replaceAll('.', '')));
      if (info === 'ResidencePermitInfo') expect(Number(to!.slice(0, 4)) - Number(from!.slice(0, 4))).toBe(5);
      if (info === 'TemporaryIDCardInfo') expect(Number(to!.replaceAll('.', '')) - Number(from!.replaceAll('.', ''))).toBeLessThan(400);
    }
  });

  it('reads the card and side from a fixture image marker when CardType is left out', async () => {
    const r = await recognize({ ImageBase64: image('marked', { card: 'residence-permit', side: 'BACK' }) });
    expect(r.Type).toBe('港澳台居住证国徽面');
    expect(r.ResidencePermitInfo!.PassNum!.Content).toMatch(/^([HM]\d{8}|\d{8})$/);
    const foreign = await recognize({ ImageBase64: image('marked', { card: 'foreign-permanent' }) });
    expect(foreign.Type).toBe('外国人永久居留证人像面');
    expect(foreign.PermanentResidencePermitInfo!.Nationality!.Content).toMatch(/^\p{Script=Han}+\/[A-Z]{3}$/u);
    expect((await recognize({ ImageBase64: image('plain') })).Type).toBe('身份证人像面');
  });

  it('the same image is the same holder; the number prefix names the region, the sex its parity', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const r = await recognize({ ImageBase64: image(`permit-${i}`), CardType: 7 });
      const p = r.ResidencePermitInfo!;
      expect((await recognize({ ImageBase64: image(`permit-${i}`), CardType: 7 })).ResidencePermitInfo!.IdNum!.Content).toBe(p.IdNum!.Content);
      expect(mod112Valid(p.IdNum!.Content)).toBe(true);
      expect(Number(p.IdNum!.Content[16]) % 2 === 1).toBe(p.Sex!.Content === '男');
      seen.add(p.IdNum!.Content.slice(0, 6));
    }
    expect([...seen].sort()).toEqual(['810000', '820000', '830000']);
  }, 30_000);

  it('crops and warnings on request; a CardType that contradicts the image is refused', async () => {
    const r = await recognize({ ImageBase64: image('crop'), CardType: 7, EnablePortrait: true, EnableCropImage: true, EnableCopyCheck: true, EnablePSCheck: true, EnableQualityCheck: true },
      { 'X-Mock-Scenario': 'warning:copy,warning:ps,warning:blur' });
    const p = r.ResidencePermitInfo!;
    expect(sniffImage(Buffer.from(p.PortraitImage!.Content, 'base64'))).toMatchObject({ format: 'jpg', width: 179, height: 220 });
    expect(sniffImage(Buffer.from(p.CardImage!.Content, 'base64'))).toMatchObject({ format: 'jpg', width: 428, height: 270 });
    // PSCheck has no effect on a residence permit (api.json: 失效 for the temporary card and the permits).
    expect(p.WarnInfos).toMatchObject({ CopyCheck: 1, PSCheck: 0, BlurCheck: 1 });
    expect(p.WarnInfos.BlurScore).toBeGreaterThan(0.5);
    const e = await sdkError(recognize({ ImageBase64: image('x', { card: 'residence-permit' }), CardType: 1 }));
    expect(e.code).toBe('FailedOperation.ImageNoIdCard');
    const side = await sdkError(recognize({ ImageBase64: image('x', { side: 'BACK' }), CardType: 1 }));
    expect(side.code).toBe('FailedOperation.CardSideError');
    const bad = await sdkError(recognize({ ImageBase64: image('x'), CardType: 13 }));
    expect(bad.code).toBe('InvalidParameterValue.InvalidParameterValueLimit');
  });

  it('field-level glare on the mainland card with EnableWordCheck', async () => {
    const r = await recognize({ ImageBase64: image('glare'), CardType: 1, EnableWordCheck: true }, { 'X-Mock-Scenario': 'warning:glare' });
    expect(Object.values(r.IDCardInfo!).filter((c) => (c as Content).IsReflect === 1)).toHaveLength(1);
  });
});

describe('RecognizeValidIDCardOCR against the vendor example (tccli examples.json)', () => {
  it('answers a plain request with the example\'s shape: the same objects, ContentInfo members and WarnInfos keys', async () => {
    const examples = JSON.parse(readFileSync(new URL('../fixtures/vendor-examples/tccli-ocr-examples.json', import.meta.url), 'utf8')) as { actions: Record<string, { output: string }[]> };
    const example = (JSON.parse(examples.actions.RecognizeValidIDCardOCR![0]!.output) as { Response: Record<string, unknown> }).Response;
    const r = await recognize({ ImageBase64: image('example') }) as unknown as Record<string, unknown>;
    const shape = (v: unknown): unknown => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, shape(x)])) : typeof v);
    expect(shape(r)).toEqual(shape(example));
    expect(r.Type).toBe(example.Type);
  });

  it('a named scenario: photocopy', async () => {
    const r = await recognize({ ImageBase64: image('copy'), EnableCopyCheck: true, EnableReshootCheck: true }, { 'X-Mock-Scenario': 'photocopy' });
    expect(r.IDCardInfo!.WarnInfos).toMatchObject({ CopyCheck: 1, ReshootCheck: 1, BorderCheck: 0 });
  });
});

describe('RecognizeValidIDCardOCR rate limit (api.json: 默认接口请求频率限制：5次/秒)', () => {
  it('the sixth request in one second is RequestLimitExceeded naming 5; the next second is served', async () => {
    // The emulator's clock stands still (mid-second, near the SDK's signing time) until the test moves it.
    let clock = Math.floor(Date.now() / 1000) * 1000 + 500;
    const limited = await startServer({ now: () => clock });
    try {
      const client = ocrClient(limited.endpoint);
      const send = (): Promise<string> => client.RecognizeValidIDCardOCR({ ImageBase64: image('limit') }).then(() => 'ok', (e: { code: string; message: string }) => `${e.code} ${e.message}`);
      const replies = await Promise.all(Array.from({ length: 6 }, send));
      expect(replies.filter((r) => r === 'ok')).toHaveLength(5);
      expect(replies.find((r) => r !== 'ok')).toMatch(/^RequestLimitExceeded .*`5` for a second/);
      clock += 1000;
      expect(await send()).toBe('ok');
    } finally {
      await limited.close();
    }
  });
});
