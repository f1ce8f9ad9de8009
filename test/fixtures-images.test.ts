import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode } from 'jpeg-js';
import luhn from 'luhn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { loadData } from '../src/data/loadData.ts';
import { bankBins } from '../src/identity/bank/bankBins.ts';
import type { ApiDefinition } from '../src/data/types.ts';
import { cardPicture } from '../src/fixtureImages/cardPicture.ts';
import type { FixtureFile } from '../src/fixtureImages/FixtureIndex.ts';
import { writeFixtures } from '../src/fixtureImages/writeFixtures.ts';
import { readMarkers } from '../src/images/markers.ts';
import { sniffImage } from '../src/images/sniffImage.ts';
import { resolveImage } from '../src/pipeline/resolveImage.ts';
import { pngData } from './helpers/pngData.ts';
import { PROJECT_ID, signedFetch } from './helpers/huaweiSign.ts';
import { startServer, type TestServer } from './helpers/startServer.ts';
import { SECRET_ID, SECRET_KEY } from './helpers/tencentClients.ts';
import { callAlibaba } from './helpers/alibabaClients.ts';

// `idcard-mock fixtures` output, written once per run to a temp folder (test/setup/fixtureImages.ts): every
// API that takes an image gets a PNG and a JPEG of every outcome in the data, each a card-sized picture
// that passes the API's image checks and carries the marker that asks for its outcome. That a second run
// gives the same bytes: fixtures-images.repeat.test.ts (npm run test:slow).
const data = loadData(new URL('../', import.meta.url).pathname);
const apis = [...data.apis.values()];
const imageApis = apis.filter((a) => a.meta.image);

// The whole set, written here: the quick project writes only the files the catalog's three ways read.
const dir = await mkdtemp(join(tmpdir(), 'idcard-fixtures-all-'));
const index = await writeFixtures(dir);
afterAll(() => rm(dir, { recursive: true, force: true }));
const files = new Map<string, Buffer>();
beforeAll(async () => {
  for (const f of index.files) files.set(f.path, await readFile(join(dir, f.path)));
});

const bytesOf = (f: FixtureFile): Buffer => files.get(f.path)!;
const filesOf = (api: ApiDefinition): FixtureFile[] => index.files.filter((f) => f.provider === api.meta.provider && f.action === api.meta.action);

/** Comment texts the way a reader of the formats finds them: PNG tEXt "Comment" chunks, JPEG COM segments before the scan. */
function comments(b: Buffer): string[] {
  const out: string[] = [];
  if (b.readUInt32BE(0) === 0x89504e47) {
    for (let pos = 8; pos + 8 <= b.length;) {
      const length = b.readUInt32BE(pos), type = b.toString('latin1', pos + 4, pos + 8), body = b.subarray(pos + 8, pos + 8 + length);
      if (type === 'tEXt' && body.toString('latin1', 0, 8) === 'Comment\0') out.push(body.subarray(8).toString('utf8'));
      pos += 12 + length;
    }
  } else {
    for (let pos = 2; b[pos] === 0xff && b[pos + 1] !== 0xda;) {
      const length = b.readUInt16BE(pos + 2);
      if (b[pos + 1] === 0xfe) out.push(b.toString('utf8', pos + 4, pos + 2 + length));
      pos += 2 + length;
    }
  }
  return out;
}

describe('fixture images', () => {
  it('cover every API that takes an image, every outcome of the data, in both formats; the others are listed as skipped', () => {
    for (const api of imageApis) {
      const { provider, action } = api.meta;
      const expected = [
        ...new Set([...Object.keys(api.errors), ...Object.keys(data.commonErrors[provider] ?? {})]).values(),
      ].map((c) => `error ${c}`).concat(
        Object.keys(api.warnings).map((c) => `warning ${c}`),
        Object.keys(api.results.results).map((c) => `result ${c}`),
        ['mainland-front', 'mainland-back', 'macao', 'double-side', 'bankcard', 'residence-permit', 'passport'].map((c) => `card ${c}`),
      );
      for (const format of ['png', 'jpg']) {
        const got = filesOf(api).filter((f) => f.format === format).map((f) => `${f.kind} ${f.code}`);
        expect(got.sort(), `${provider} ${action} ${format}`).toEqual([...expected].sort());
      }
      expect(expected.length).toBeGreaterThan(40);
    }
    const skipped = index.skipped.map((s) => `${s.provider}:${s.action}`).sort();
    expect(skipped).toEqual(apis.filter((a) => !a.meta.image).map((a) => `${a.meta.provider}:${a.meta.action}`).sort());
    expect(new Set(index.files.map((f) => f.path)).size).toBe(index.files.length);
  });

  it('lays the files out as <provider>/<Action>/<outcome>.<png|jpg> with file-system-safe names, sizes as in index.json', () => {
    for (const f of index.files) {
      expect(f.path).toMatch(new RegExp(`^${f.provider}/${f.action}/[A-Za-z0-9._-]+\\.${f.format}$`));
      expect(bytesOf(f).length).toBe(f.bytes);
    }
  });

  it('are card-sized PNGs and JPEGs that pass each API image checks (format, sides, base64 size)', async () => {
    for (const f of index.files) {
      const rules = data.apis.get(`${f.provider}:${f.action}`)!.meta.image!;
      const bytes = bytesOf(f);
      const info = sniffImage(bytes);
      expect(info, f.path).toEqual({ format: f.format, width: 1000, height: f.card === 'double-side' ? 1260 : 630 });
      expect([f.width, f.height]).toEqual([info!.width, info!.height]);
      expect(rules.formats).toContain(info!.format);
      expect(Math.min(info!.width, info!.height)).toBeGreaterThanOrEqual(rules.minSide ?? 1);
      expect(Math.max(info!.width, info!.height)).toBeLessThanOrEqual(rules.maxSide ?? Infinity);
      const b64 = bytes.toString('base64');
      expect(b64.length).toBeLessThanOrEqual(Math.min(...Object.values(rules.maxBase64Bytes)));
      // The emulator's own image check, in every flavour the API has: only a plain card of another type or side is refused.
      for (const flavor of Object.keys(rules.maxBase64Bytes) as ('domestic' | 'intl')[]) {
        const seen = await resolveImage(rules, { [rules.base64]: b64 }, flavor, false, 0);
        expect(seen.problem ? rules.errors[seen.problem] : null, `${f.path} ${flavor}`).toBe(f.kind === 'card' ? f.imageError : null);
      }
    }
  }, 60_000);

  it('decode: PNG data inflates to whole scanlines, JPEG scans decode to the same picture as the PNG', () => {
    for (const f of index.files.filter((x) => x.format === 'png')) {
      expect(pngData(bytesOf(f)).length, f.path).toBe(f.height * (f.width * 3 + 1));
    }
    // Full JPEG decodes are slow in pure JS: one per picture (the others differ from it only in the marker label).
    const sampled = new Map<string, FixtureFile>();
    for (const f of index.files) if (f.format === 'jpg' && !sampled.has(f.card)) sampled.set(f.card, f);
    expect(sampled.size).toBe(7);
    for (const f of sampled.values()) {
      const jpeg = decode(bytesOf(f), { useTArray: true });
      const png = index.files.find((x) => x.format === 'png' && x.action === f.action && x.code === f.code && x.kind === f.kind)!;
      expect(png.path.replace(/\.png$/, '.jpg')).toBe(f.path);
      expect([jpeg.width, jpeg.height]).toEqual([f.width, f.height]);
      expect(meanError(jpeg.data, pngPixels(bytesOf(png), png.width, png.height)), f.path).toBeLessThan(4);
    }
  }, 60_000);

  it('carry the marker that names their outcome: mock-scenario=<scenario>, or the idcard-mock: form for plain cards', () => {
    for (const f of index.files) {
      const bytes = bytesOf(f);
      expect(comments(bytes), f.path).toEqual([f.marker]);
      if (f.kind === 'card') {
        const expected = {
          'mainland-front': { card: 'mainland', side: 'FRONT' },
          'mainland-back': { card: 'mainland', side: 'BACK' },
          macao: { card: 'macao', side: 'FRONT' },
          'double-side': { card: 'mainland', cards: 'front+back' },
          bankcard: { card: 'bankcard' },
          'residence-permit': { card: 'residence-permit', side: 'FRONT' },
          passport: { card: 'passport' },
        }[f.code];
        expect(readMarkers(bytes), f.path).toEqual(expected);
        expect(f.scenario).toBeNull();
      } else {
        const scenario = f.kind === 'error' ? f.code : `${f.kind}:${f.code}`;
        expect(f.scenario).toBe(scenario);
        expect(f.marker).toBe(`mock-scenario=${scenario}`);
        // Every scenario a marker names is one the emulator knows by that name.
        expect(data.apis.get(`${f.provider}:${f.action}`)!.scenarios.has(scenario), scenario).toBe(true);
      }
    }
  });

  it('show the card each API reads behind its outcomes', () => {
    for (const f of index.files) {
      const rules = data.apis.get(`${f.provider}:${f.action}`)!.meta.image!;
      expect(f.card, f.path).toBe(f.kind === 'card' ? f.code : rules.card === 'macao' || rules.card === 'passport' || rules.card === 'bankcard' ? rules.card : 'mainland-front');
    }
    // The Macao card is refused by the mainland APIs, as the README says for IDCardOCR.
    const macaoOnIdCardOcr = index.files.find((f) => f.action === 'IDCardOCR' && f.code === 'macao')!;
    expect(macaoOnIdCardOcr.imageError).toBe(data.apis.get('tencent:IDCardOCR')!.meta.image!.errors.wrongCard);
    // A bank card is no ID card, and an ID card no bank card.
    expect(index.files.find((f) => f.action === 'IDCardOCR' && f.code === 'bankcard')!.imageError).toBe('FailedOperation.ImageNoIdCard');
    expect(index.files.find((f) => f.action === 'BankCardOCR' && f.code === 'mainland-front')!.imageError).toBe('FailedOperation.NoBankCardError');
    expect(index.files.find((f) => f.action === 'RecognizeBankcard' && f.code === 'bankcard')!.imageError).toBeNull();
    // The residence permit is read by RecognizeValidIDCardOCR only, the passport by RecognizePassport only.
    const readers = (code: string): string[] => index.files.filter((f) => f.code === code && f.format === 'png' && f.imageError === null).map((f) => f.action).sort();
    expect(readers('residence-permit')).toEqual(['RecognizeValidIDCardOCR']);
    expect(readers('passport')).toEqual(['RecognizePassport']);
  });

  it('`only` writes just the files named, the same bytes as the whole run, and names a misspelt one', async () => {
    const one = await mkdtemp(join(tmpdir(), 'idcard-fixtures-'));
    try {
      const sample = 'tencent/IDCardOCR/card_mainland-front.jpg';
      const written = await writeFixtures(one, { only: [sample] });
      expect(written.files.map((f) => f.path)).toEqual([sample]);
      expect((await readFile(join(one, sample))).equals(bytesOf(index.files.find((f) => f.path === sample)!))).toBe(true);
      await expect(writeFixtures(one, { only: ['tencent/IDCardOCR/card_mainland_front.jpg'] }))
        .rejects.toThrow('no fixture file tencent/IDCardOCR/card_mainland_front.jpg (did you mean tencent/IDCardOCR/card_mainland-front.jpg?)');
    } finally {
      await rm(one, { recursive: true, force: true });
    }
  }, 60_000);

  it('change with the seed: another seed draws other specimen people', () => {
    for (const kind of ['mainland-front', 'mainland-back', 'macao', 'bankcard', 'residence-permit', 'passport'] as const) {
      expect(cardPicture(kind, 'fixture').data.equals(cardPicture(kind, 'another').data), kind).toBe(false);
    }
    expect(index.seed).toBe('fixture');
  });
});

// Through the emulator, as an app's upload would send them: the marker alone picks the outcome.
describe('fixtures sent as the image through the front doors', () => {
  let server: TestServer;
  beforeAll(async () => { server = await startServer({ rateLimit: false }); });
  afterAll(() => server?.close());

  /** The answer's body, or { error: code } for an error. */
  async function send(api: ApiDefinition, f: FixtureFile): Promise<Record<string, unknown>> {
    const rules = api.meta.image!;
    // The request schema's example where it has one (LivenessCompare's LivenessType and video), the fixture as the image.
    const params: Record<string, unknown> = { ...(api.request.examples as Record<string, unknown>[] | undefined)?.[0], [rules.base64]: bytesOf(f).toString('base64') };
    if (api.meta.provider === 'alibaba') {
      // Through the SDK: the answer's Data is a JSON string holding the side it read (`face` or `back`).
      try {
        const r = await callAlibaba(server.endpoint, api.meta.action, params);
        return (JSON.parse((r.body as { data: string }).data) as { data: Record<string, unknown> }).data;
      } catch (e) {
        return { error: (e as { code: string }).code };
      }
    }
    if (api.meta.http) {
      if (f.code === 'double-side') params.side = 'double_side';
      const res = await signedFetch(server.url, api.meta.http.path.replace('{project_id}', PROJECT_ID), params, { now: Date.now(), method: api.meta.http.method });
      const body = await res.json() as Record<string, unknown>;
      return res.ok ? body : { error: body.error_code };
    }
    const client = new CommonClient(`${api.meta.service}.tencentcloudapi.com`, api.meta.version, {
      credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: server.endpoint, protocol: 'http://' } },
    });
    try {
      return await client.request(api.meta.action, params) as Record<string, unknown>;
    } catch (e) {
      return { error: (e as { code: string }).code };
    }
  }

  it('are read or refused as index.json says, and a back or double-side card reads as one', async () => {
    for (const api of imageApis) {
      for (const f of filesOf(api).filter((x) => x.kind === 'card')) {
        const answer = await send(api, f);
        expect(answer.error ?? null, f.path).toBe(f.imageError);
        if (f.imageError) continue;
        if (api.meta.action === 'IDCardOCR') expect(answer.Authority !== '', f.path).toBe(f.code === 'mainland-back');
        // The bank card mock-up, read back through both front doors: a Luhn-valid number of a BIN the table lists.
        if (f.code === 'bankcard') {
          const number = api.meta.http ? (answer.result as { card_number: string }).card_number.replaceAll(' ', '') : answer.CardNo as string;
          expect(luhn.validate(number) && bankBins.bins.some((b) => number.startsWith(b.bin) && number.length === b.length), `${f.path} ${number}`).toBe(true);
        }
        if (api.meta.action === 'RecognizeValidIDCardOCR') {
          const type = f.code === 'residence-permit' ? 'ResidencePermitInfo' : 'IDCardInfo';
          expect(answer[type], f.path).toMatchObject({ IdNum: { Content: f.code === 'mainland-back' ? '' : expect.stringMatching(f.code === 'residence-permit' ? /^8[123]0000/ : /^\d{17}[\dX]$/) } });
        }
        if (api.meta.action === 'RecognizePassport') expect(answer.result, f.path).toMatchObject({ passport_number: expect.any(String), date_of_expiry: expect.any(String) });
        if (api.meta.provider === 'alibaba') expect(Object.keys(answer), f.path).toEqual([f.code === 'mainland-back' ? 'back' : 'face']);
        if (api.meta.http && f.code === 'double-side') {
          expect(answer.result, f.path).toMatchObject({ front: { name: expect.any(String) }, back: { issue: expect.any(String) } });
        }
      }
    }
  }, 60_000);
  // Every mock-scenario= file reaching its outcome: test/scenarios/catalogThreeWays.ts.
});

/** RGBA pixels of one of our PNGs (8-bit RGB, filter type per line). */
function pngPixels(b: Buffer, width: number, height: number): Uint8Array {
  const raw = pngData(b), stride = width * 3 + 1, out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    // encodePng writes filter 1 (Sub) on every line; undo it.
    expect(raw[y * stride]).toBe(1);
    for (let x = 0; x < width * 3; x++) {
      const left = x >= 3 ? out[(y * width + Math.floor(x / 3) - 1) * 4 + (x % 3)]! : 0;
      out[(y * width + Math.floor(x / 3)) * 4 + (x % 3)] = (raw[y * stride + 1 + x]! + left) & 0xff;
    }
  }
  return out;
}

function meanError(a: Uint8Array, b: Uint8Array): number {
  let sum = 0, n = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) { sum += Math.abs(a[i]! - b[i]!); n++; }
  return sum / n;
}
