import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { SECRET_ID, SECRET_KEY } from '../helpers/tencentClients.ts';
import { PROJECT_ID, signedFetch } from '../helpers/huaweiSign.ts';
import { sampleRequest, withWarningFlag } from '../helpers/sampleRequest.ts';
import { callAlibaba } from '../helpers/alibabaClients.ts';
import { loadData } from '../../src/data/loadData.ts';
import type { ApiDefinition } from '../../src/data/types.ts';
import type { CoverageReport } from '../../src/state/coverage.ts';

// Every error, warning and result code of every API in the data, reached three ways through the real
// clients: by the X-Mock-Scenario header, by an in-band marker in the image URL, and by a generated
// fixture image sent as the image. APIs that take no image (IdCardVerification, IAM) cannot carry an
// in-band marker: they are reached by the header and by the server-wide active scenario instead (the
// IAM token API has no credential to bind).
// Each case starts from a reset emulator and sees coverage count its outcome; coverage lists exactly these
// outcomes, so after all of them it reports 100 % for every API. The fixture images are written once per
// run (test/setup/fixtureImages.ts).
const data = loadData(new URL('../../', import.meta.url).pathname);
const apis = [...data.apis.values()];
const { dir, index } = inject('fixtureImages');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server?.close());
beforeEach(async () => { await fetch(`${server.url}/__mock/reset`, { method: 'POST' }); });

interface Outcome { kind: 'error' | 'warning' | 'result'; code: string; scenario: string }
function outcomes(api: ApiDefinition): Outcome[] {
  return [
    ...[...new Set([...Object.keys(api.errors), ...Object.keys(data.commonErrors[api.meta.provider] ?? {})])].map((code) => ({ kind: 'error' as const, code, scenario: code })),
    ...Object.keys(api.warnings).map((code) => ({ kind: 'warning' as const, code, scenario: `warning:${code}` })),
    ...Object.keys(api.results.results).map((code) => ({ kind: 'result' as const, code, scenario: `result:${code}` })),
  ];
}

/** What the client got: `error:<code>`, or `ok` with the reported warnings and result, read from the journal (masked, so the vendor's field names stay out of this test). */
async function call(api: ApiDefinition, params: Record<string, unknown>, headers: Record<string, string>): Promise<string> {
  if (api.meta.provider === 'alibaba') {
    await callAlibaba(server.endpoint, api.meta.action, params, { headers }).catch(() => undefined);
  } else if (api.meta.http) {
    await signedFetch(server.url, api.meta.http.path.replace('{project_id}', PROJECT_ID), params, { now: Date.now(), method: api.meta.http.method, headers });
  } else {
    const client = new CommonClient(`${api.meta.service}.tencentcloudapi.com`, api.meta.version, {
      credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: server.endpoint, protocol: 'http://', headers } },
    });
    await client.request(api.meta.action, params).catch(() => undefined);
  }
  return (await server.runtime.state.journal.list()).at(-1)!.outcome;
}

const coverage = async (): Promise<CoverageReport> => (await fetch(`${server.url}/__mock/coverage`)).json() as Promise<CoverageReport>;
function covered(report: CoverageReport, api: ApiDefinition, o: Outcome): boolean | undefined {
  return report[`${api.meta.provider}:${api.meta.action}`]?.[`${o.kind}s`][o.code];
}

function expected(o: Outcome): string {
  return o.kind === 'error' ? o.code : 'ok';
}

describe.each(apis.map((api) => [`${api.meta.provider} ${api.meta.action}`, api] as const))('%s', (_name, api) => {
  const rules = api.meta.image;
  const request = (o: Outcome): Record<string, unknown> => (o.kind === 'warning' ? withWarningFlag(api, o.code, sampleRequest(api)) : sampleRequest(api));

  it.each(outcomes(api).map((o) => [o.scenario, o] as const))('%s: by header, by in-band marker, by fixture image; coverage counts it', async (_s, o) => {
    expect(covered(await coverage(), api, o), 'covered after a reset').toBe(false);
    expect(await call(api, request(o), { 'X-Mock-Scenario': o.scenario }), 'header').toBe(expected(o));
    expect(covered(await coverage(), api, o), 'covered').toBe(true);
    if (!rules) {
      // No image to carry a marker: the active scenario instead.
      await fetch(`${server.url}/__mock/active`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: o.scenario }) });
      try {
        expect(await call(api, request(o), {}), 'active').toBe(expected(o));
        expect((await server.runtime.state.journal.list()).at(-1)!.rule).toBe('active');
      } finally {
        await fetch(`${server.url}/__mock/active`, { method: 'DELETE' });
      }
      return;
    }
    const byUrl = { ...request(o), [rules.url]: `https://example.com/id-card.jpg?mock-scenario=${encodeURIComponent(o.scenario)}` };
    delete byUrl[rules.base64];
    expect(await call(api, byUrl, {}), 'URL marker').toBe(expected(o));
    expect((await server.runtime.state.journal.list()).at(-1)!.rule).toBe('marker');
    const images = index.files.filter((x) => x.provider === api.meta.provider && x.action === api.meta.action && x.scenario === o.scenario);
    expect(images.map((f) => f.format).sort(), 'fixture images').toEqual(['jpg', 'png']);
    for (const f of images) {
      const byImage = { ...request(o), [rules.base64]: (await readFile(join(dir, f.path))).toString('base64') };
      expect(await call(api, byImage, {}), `fixture ${f.path}`).toBe(expected(o));
    }
  }, 60_000);
});

describe('coverage', () => {
  it('lists exactly the outcomes above for every API, so after them all it reports 100 %', async () => {
    const report = await coverage();
    expect(Object.keys(report).sort()).toEqual(apis.map((a) => `${a.meta.provider}:${a.meta.action}`).sort());
    for (const api of apis) {
      const r = report[`${api.meta.provider}:${api.meta.action}`]!;
      const listed = [...Object.keys(r.errors), ...Object.keys(r.warnings).map((c) => `warning:${c}`), ...Object.keys(r.results).map((c) => `result:${c}`)];
      expect(listed.sort(), `${api.meta.provider} ${api.meta.action}`).toEqual(outcomes(api).map((o) => o.scenario).sort());
      expect(r.total).toBe(listed.length);
    }
  });
});
