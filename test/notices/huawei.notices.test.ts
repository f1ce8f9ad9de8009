import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { AK, PROJECT_ID, ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import { loadData } from '../../src/data/loadData.ts';

// Never silent about the caller's own mistakes (issue 14, section 3), Huawei's side: the vendor's
// body as the vendor sends it, and X-Mock-Notice and the journal say what was wrong.
let clock = Date.UTC(2026, 0, 1);
let server: TestServer;
beforeAll(async () => { server = await startServer({ now: () => clock }); });
afterAll(() => server.close());
beforeEach(async () => { await fetch(`${server.url}/__mock/reset`, { method: 'POST' }); });

const image = makeCardImage({ seed: 'hw-notices' }).toString('base64');
const lastEntry = async () => (await server.runtime.state.journal.list()).at(-1)!;

async function answer(res: Response) {
  return { status: res.status, notice: res.headers.get('x-mock-notice'), body: await res.json() as Record<string, unknown> };
}

const gatewayError = (code: string, msg: string) => ({ error_code: code, error_msg: msg, request_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
const SIGNATURE = 'Incorrect IAM authentication information: verify aksk signature fail';
const LOCKED = 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.';

describe('an AK locked out after wrong signatures', () => {
  it('says it is the lockout, how long it lasts on the emulated clock, and that POST /__mock/reset clears it', async () => {
    for (let i = 0; i < 4; i++) expect((await answer(await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' }))).notice).toBeNull();
    const fifth = await answer(await signedFetch(server.url, ocrPath(), { image }, { now: clock, sk: 'WRONG' }));
    expect(fifth.body).toEqual(gatewayError('APIG.0301', SIGNATURE));
    expect(fifth.notice).toBe(`wrong signature 5 in a row: AK ${AK} is now locked out for 300 s more on the emulated clock (until 2026-01-01T00:05:00.000Z), signatures right or wrong; POST /__mock/reset clears it, or move the clock with POST /__mock/clock`);

    const locked = await answer(await signedFetch(server.url, ocrPath(), { image }, { now: clock }));
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(gatewayError('APIG.0301', LOCKED));
    const notice = (left: number) => `AK ${AK} is locked out after 5 wrong signatures in a row for ${left} s more on the emulated clock (until 2026-01-01T00:05:00.000Z), signatures right or wrong; POST /__mock/reset clears it, or move the clock with POST /__mock/clock`;
    expect(locked.notice).toBe(notice(300));
    expect((await lastEntry())).toMatchObject({ outcome: 'APIG.0301', notices: [notice(300)] });

    // The emulated clock moved by the control plane, not waited for.
    await fetch(`${server.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ set: clock, advance: '2m' }) });
    const later = server.runtime.clock.now();
    const still = await answer(await signedFetch(server.url, ocrPath(), { image }, { now: later }));
    expect(still.notice).toBe(notice(180));
    await fetch(`${server.url}/__mock/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ follow: true }) });

    await fetch(`${server.url}/__mock/reset`, { method: 'POST' });
    const after = await answer(await signedFetch(server.url, ocrPath(), { image }, { now: clock }));
    expect(after.status).toBe(200);
    expect(after.notice).toBeNull();
  });
});

describe('an IAM token used where it does not belong', () => {
  async function token(): Promise<{ token: string; projectId: string }> {
    const res = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'my-account' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { name: 'cn-north-4' } } } }),
    });
    return { token: res.headers.get('x-subject-token')!, projectId: ((await res.json()) as { token: { project: { id: string } } }).token.project.id };
  }
  const ocr = (t: string, projectId: string) => fetch(`${server.url}${ocrPath(projectId)}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': t }, body: JSON.stringify({ image }) });

  it('a token of another project than the path\'s: APIG.0307 as the vendor says it, and the notice names both projects', async () => {
    const t = await token();
    const res = await answer(await ocr(t.token, PROJECT_ID));
    expect(res.status).toBe(401);
    expect(res.body).toEqual(gatewayError('APIG.0307', 'The token must be updated.'));
    const notice = `the X-Auth-Token was issued for project ${t.projectId} (cn-north-4), but the path names project ${PROJECT_ID}: ask IAM for a token of that project, or call with the token's project in the path`;
    expect(res.notice).toBe(notice);
    expect((await lastEntry())).toMatchObject({ outcome: 'APIG.0307', notices: [notice] });
  });

  it('an expired token: when it expired on the emulated clock', async () => {
    const t = await token();
    clock += 24 * 60 * 60 * 1000;
    try {
      const res = await answer(await ocr(t.token, t.projectId));
      expect(res.body).toEqual(gatewayError('APIG.0307', 'The token must be updated.'));
      expect(res.notice).toBe('the X-Auth-Token expired at 2026-01-02T00:00:00.000Z on the emulated clock (issued 2026-01-01T00:00:00.000Z): ask IAM for a new one');
    } finally {
      clock -= 24 * 60 * 60 * 1000;
    }
  });
});

describe('a path or method the gateway does not serve', () => {
  it('an unknown path: APIG.0101, and the notice names the routes served and the nearest', async () => {
    const res = await answer(await signedFetch(server.url, `/v2/${PROJECT_ID}/ocr/idcard`, { image }, { now: clock }));
    expect(res.body).toEqual(gatewayError('APIG.0101', 'The API does not exist or has not been published in the environment.'));
    // Every Huawei route of the data, in the data's order (so a new API is listed too).
    const served = [...loadData(new URL('../../', import.meta.url).pathname).apis.values()].filter((a) => a.meta.provider === 'huawei' && a.meta.http).map((a) => `${a.meta.http!.method} ${a.meta.http!.path}`);
    expect(served).toEqual(expect.arrayContaining(['POST /v3/auth/tokens', 'GET /v3/projects', 'POST /v2/{project_id}/ocr/id-card']));
    expect(res.notice).toBe(`no emulated API at "POST /v2/${PROJECT_ID}/ocr/idcard" (did you mean POST /v2/${PROJECT_ID}/ocr/id-card?): this emulator serves ${served.join(', ')}`);
  });

  it('another method: the notice names the one the path takes', async () => {
    const res = await answer(await signedFetch(server.url, ocrPath(), { image }, { now: clock, method: 'PUT' }));
    expect(res.body).toEqual(gatewayError('APIG.0101', 'The API does not exist.'));
    expect(res.notice).toBe(`PUT is not a method of "${ocrPath()}", which takes POST`);
    expect((await lastEntry()).notices).toEqual([res.notice]);
  });

  it('a refused value: the parameter and the allowed values', async () => {
    const res = await answer(await signedFetch(server.url, ocrPath(), { image, side: 'Front' }, { now: clock }));
    expect(res.body).toEqual({ error_code: 'AIS.0101', error_msg: 'The input parameter is invalid.' });
    expect(res.notice).toBe('parameter side: "Front" is not one of the allowed values "front", "back", "double_side" (did you mean front?)');
  });
});
