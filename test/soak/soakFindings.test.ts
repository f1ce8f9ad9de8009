import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrPath } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import { MAX_TOKENS } from '../../src/state/tokenStore.ts';

// What the soak found, pinned as an ordinary test over HTTP: every IAM token was kept for ever
// (about 1 KB each), so the emulator grew with each POST /v3/auth/tokens.
let server: TestServer;
beforeAll(async () => { server = await startServer({ auth: 'strict', rateLimit: false }); });
afterAll(() => server.close());

const body = JSON.stringify({
  auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { name: 'cn-north-4' } } },
});
const issue = async (): Promise<{ token: string; project: string }> => {
  const res = await fetch(`${server.url}/v3/auth/tokens?nocatalog=true`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  return { token: res.headers.get('x-subject-token')!, project: ((await res.json()) as { token: { project: { id: string } } }).token.project.id };
};
const image = makeCardImage({ seed: 'token-bound', width: 200, height: 126 }).toString('base64');
const ocr = (t: { token: string; project: string }) => fetch(`${server.url}${ocrPath(t.project)}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': t.token }, body: JSON.stringify({ image }) });

describe('the IAM token store', () => {
  it(`remembers the last ${MAX_TOKENS} tokens it issued: the oldest is forgotten (strict: APIG.0301), the newest still works`, async () => {
    const first = await issue();
    expect((await ocr(first)).status).toBe(200);
    let last = first;
    for (let i = 0; i < MAX_TOKENS; i += 50) last = (await Promise.all(Array.from({ length: 50 }, issue)))[49]!;
    const forgotten = await ocr(first);
    expect({ status: forgotten.status, code: ((await forgotten.json()) as { error_code: string }).error_code }).toEqual({ status: 401, code: 'APIG.0301' });
    expect((await ocr(last)).status).toBe(200);
  }, 60_000);
});
