import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { SECRET_ID, SECRET_KEY } from '../helpers/tencentClients.ts';
import { PROJECT_ID, signedFetch } from '../helpers/huaweiSign.ts';
import { sampleRequest, withWarningFlag } from '../helpers/sampleRequest.ts';
import { callAlibaba } from '../helpers/alibabaClients.ts';
import { answered, catalogMessage, type ClientOutcome } from '../helpers/clientOutcome.ts';
import { fixtureImages } from '../helpers/fixtureImages.ts';
import { loadData } from '../../src/data/loadData.ts';
import type { ApiDefinition } from '../../src/data/types.ts';
import type { CoverageReport } from '../../src/state/coverage.ts';
import type { FixtureIndex } from '../../src/fixtureImages/FixtureIndex.ts';

// Every error, warning and result code of every API in the data, reached through the real clients and checked
// in what the client received (test/helpers/clientOutcome.ts reads each answer's shape): by the X-Mock-Scenario
// header, by an in-band marker in the image URL, and by a generated fixture image sent as the image. An API
// that takes no image cannot carry a marker: it is reached by the header and by the server-wide active
// scenario instead. The codes every API of a provider shares are asked for by header through every API (so
// coverage reaches 100 % for each), and by marker and fixture image once per provider.
// Each case resets the emulator first and checks that coverage counts its outcome and nothing else. (What
// each code's message is, against the vendors' own lists: catalog.test.ts and vendorCatalogs.test.ts.)
const data = loadData(new URL('../../', import.meta.url).pathname);
const apis = [...data.apis.values()];
// Set by the hooks catalogThreeWays() registers in the file that calls it (modules are shared by the files of a worker).
let dir: string;
let index: FixtureIndex;

let server: TestServer;
const reset = (): Promise<Response> => fetch(`${server.url}/__mock/reset`, { method: 'POST' });

interface Outcome { kind: 'error' | 'warning' | 'result'; code: string; scenario: string }
const common = (api: ApiDefinition): string[] => Object.keys(data.commonErrors[api.meta.provider] ?? {});
function ownOutcomes(api: ApiDefinition): Outcome[] {
  return [
    ...Object.keys(api.errors).filter((code) => !common(api).includes(code)).map((code) => ({ kind: 'error' as const, code, scenario: code })),
    ...Object.keys(api.warnings).map((code) => ({ kind: 'warning' as const, code, scenario: `warning:${code}` })),
    ...Object.keys(api.results.results).map((code) => ({ kind: 'result' as const, code, scenario: `result:${code}` })),
  ];
}
const errorOutcome = (code: string): Outcome => ({ kind: 'error', code, scenario: code });

/**
 * What the client received. Huawei IAM's envelope carries no code, only the HTTP status and the message
 * (`{error: {code: <status>, message, title}}`): the case compares those with the catalog's.
 */
async function call(api: ApiDefinition, params: Record<string, unknown>, headers: Record<string, string>): Promise<ClientOutcome> {
  if (api.meta.provider === 'alibaba') {
    try {
      const { body } = await callAlibaba(server.endpoint, api.meta.action, params, { headers });
      const code = (body as { code?: string }).code;
      // cloudauth answers its business errors in a normal body (HTTP 200); OCR's success has no code.
      return code !== undefined && code !== '200' ? { error: code } : answered(api, body as Record<string, unknown>);
    } catch (e) {
      return { error: (e as { code: string }).code };
    }
  }
  if (api.meta.http) {
    const res = await signedFetch(server.url, api.meta.http.path.replace('{project_id}', PROJECT_ID), params, { now: Date.now(), method: api.meta.http.method, headers });
    const body = await res.json() as Record<string, unknown>;
    if (res.status < 400) return answered(api, body);
    const iam = body.error as { code: number; message: string } | undefined;
    return { error: typeof body.error_code === 'string' ? body.error_code : `${iam?.code} ${iam?.message}` };
  }
  const client = new CommonClient(`${api.meta.service}.tencentcloudapi.com`, api.meta.version, {
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: server.endpoint, protocol: 'http://', headers } },
  });
  try {
    return answered(api, await client.request(api.meta.action, params) as Record<string, unknown>);
  } catch (e) {
    return { error: (e as { code: string }).code };
  }
}

/** What the client should receive for an outcome. */
function expected(api: ApiDefinition, o: Outcome): ClientOutcome {
  if (o.kind === 'error') {
    const entry = api.errors[o.code] ?? data.commonErrors[api.meta.provider]?.[o.code];
    // IAM's envelope: the status and the message (the catalog's, with its placeholders' example values).
    const iam = api.meta.provider === 'huawei' && o.code.startsWith('IAM.');
    return { error: iam ? `${entry!.status} ${catalogMessage(entry!, 'en')}` : o.code };
  }
  const results = Object.keys(api.results.results).length > 0;
  if (o.kind === 'result') return { warnings: [], result: o.code };
  return { warnings: [o.code], ...(results ? { result: expect.any(String) as unknown as string } : {}) };
}

const request = (api: ApiDefinition, o: Outcome): Record<string, unknown> =>
  (o.kind === 'warning' ? withWarningFlag(api, o.code, sampleRequest(api)) : sampleRequest(api));
const lastRule = async (): Promise<string | undefined> => (await server.runtime.state.journal.list()).at(-1)!.rule;

/** This API's coverage: which outcomes (`error:X`, `warning:X`, `result:X`) it reports produced. */
async function covered(api: ApiDefinition): Promise<string[]> {
  const r = (await (await fetch(`${server.url}/__mock/coverage`)).json() as CoverageReport)[`${api.meta.provider}:${api.meta.action}`]!;
  return [
    ...Object.entries(r.errors).filter(([, v]) => v).map(([c]) => `error:${c}`),
    ...Object.entries(r.warnings).filter(([, v]) => v).map(([c]) => `warning:${c}`),
    ...Object.entries(r.results).filter(([, v]) => v).map(([c]) => `result:${c}`),
  ].sort();
}
const coverageName = (o: Outcome): string => `${o.kind}:${o.code}`;

/** By the URL marker and by the scenario's fixture image (a JPEG or a PNG: test/setup/writeFixtureImages.ts). */
async function byImage(api: ApiDefinition, o: Outcome): Promise<void> {
  const rules = api.meta.image!;
  const byUrl = { ...request(api, o), [rules.url]: `https://example.com/id-card.jpg?mock-scenario=${encodeURIComponent(o.scenario)}` };
  delete byUrl[rules.base64];
  expect(await call(api, byUrl, {}), 'URL marker').toEqual(expected(api, o));
  expect(await lastRule(), 'URL marker').toBe('marker');
  const images = imagesOf(api).filter((x) => x.scenario === o.scenario);
  expect(images, 'fixture images').toHaveLength(1);
  const [f] = images as [FixtureIndex['files'][number]];
  const image = { ...request(api, o), [rules.base64]: (await readFile(join(dir, f.path))).toString('base64') };
  expect(await call(api, image, {}), `fixture ${f.path}`).toEqual(expected(api, o));
  expect(await lastRule(), `fixture ${f.path}`).toBe('marker');
}

/** The fixture images written for this API (one per outcome: test/setup/writeFixtureImages.ts). */
const imagesOf = (api: ApiDefinition): FixtureIndex['files'] => index.files.filter((x) => x.provider === api.meta.provider && x.action === api.meta.action);

/** By the server-wide active scenario, for an API that takes no image. */
async function byActive(api: ApiDefinition, o: Outcome): Promise<void> {
  await fetch(`${server.url}/__mock/active`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: o.scenario }) });
  try {
    expect(await call(api, request(api, o), {}), 'active').toEqual(expected(api, o));
    expect(await lastRule(), 'active').toBe('active');
  } finally {
    await fetch(`${server.url}/__mock/active`, { method: 'DELETE' });
  }
}

/**
 * The cases of the APIs `select` picks; `withShared`: also the shared codes by marker and fixture image, and the
 * coverage listing (one of the two files does them). Two files share the cases so that both workers run them.
 */
export function catalogThreeWays(select: (api: ApiDefinition) => boolean, withShared: boolean): void {
  // The images may still be being written when a file is run alone.
  beforeAll(async () => {
    ({ dir, index } = await fixtureImages());
    server = await startServer({ rateLimit: false });
  }, 120_000);
  afterAll(() => server?.close());

  describe.each(apis.filter(select).map((api) => [`${api.meta.provider} ${api.meta.action}`, api] as const))('%s', (_name, api) => {
    const ways = api.meta.image ? 'by header, by URL marker, by fixture image' : 'by header and by the active scenario';
    it.each(ownOutcomes(api).map((o) => [o.scenario, o] as const))(`%s: the client gets it ${ways}; coverage counts it`, async (_s, o) => {
      await reset();
      const got = await call(api, request(api, o), { 'X-Mock-Scenario': o.scenario });
      expect(got, 'header').toEqual(expected(api, o));
      // A warning comes in a normal answer, which on a verification API has its result too.
      const alongside = o.kind === 'warning' && 'result' in got && got.result !== undefined ? [`result:${got.result}`] : [];
      expect(await covered(api), 'coverage after this case alone').toEqual([coverageName(o), ...alongside].sort());
      await (api.meta.image ? byImage(api, o) : byActive(api, o));
    }, 60_000);

    if (api.meta.image && ownOutcomes(api).length > 1) {
      it('its fixture images come as JPEG and as PNG', () => {
        expect(new Set(imagesOf(api).map((f) => f.format))).toEqual(new Set(['jpg', 'png']));
      });
    }

    it(`every code all ${api.meta.provider} APIs share, by header: the client gets each; coverage counts each`, async () => {
      await reset();
      const codes = common(api);
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(await call(api, sampleRequest(api), { 'X-Mock-Scenario': code }), code).toEqual(expected(api, errorOutcome(code)));
      expect(await covered(api)).toEqual(codes.map((c) => `error:${c}`).sort());
    }, 60_000);
  });

  if (!withShared) return;
  // The shared codes by marker and by fixture image, once per provider: through its first API that takes an image.
  const sharedByImage = Object.keys(data.commonErrors).flatMap((provider) => {
    const api = apis.find((a) => a.meta.provider === provider && a.meta.image);
    return api ? common(api).map((code) => [`${provider} ${code} (through ${api.meta.action})`, api, code] as const) : [];
  });
  describe('the shared codes by URL marker and by fixture image, once per provider', () => {
    it('covers every provider', () => {
      expect(new Set(sharedByImage.map(([, api]) => api.meta.provider))).toEqual(new Set(Object.keys(data.commonErrors)));
    });
    it.each(sharedByImage)('%s', async (_name, api, code) => byImage(api, errorOutcome(code)), 60_000);
  });

  describe('coverage', () => {
    it('lists exactly the codes above for every API', async () => {
      const report = await (await fetch(`${server.url}/__mock/coverage`)).json() as CoverageReport;
      expect(Object.keys(report).sort()).toEqual(apis.map((a) => `${a.meta.provider}:${a.meta.action}`).sort());
      for (const api of apis) {
        const r = report[`${api.meta.provider}:${api.meta.action}`]!;
        const listed = [...Object.keys(r.errors).map((c) => `error:${c}`), ...Object.keys(r.warnings).map((c) => `warning:${c}`), ...Object.keys(r.results).map((c) => `result:${c}`)];
        const outcomes = [...ownOutcomes(api), ...common(api).map(errorOutcome)].map(coverageName);
        expect(listed.sort(), `${api.meta.provider} ${api.meta.action}`).toEqual(outcomes.sort());
        expect(r.total).toBe(listed.length);
      }
    });
  });
}
