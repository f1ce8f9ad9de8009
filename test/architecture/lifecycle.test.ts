import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { ocrPath, signedFetch } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { STAGES } from '../../src/state/journal.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';

// Every front door goes down the one list of src/lifecycle.ts: the journal shows the same stages, in
// the same order, for Tencent Cloud API 3.0, Huawei OCR and Huawei IAM.
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'lifecycle' }).toString('base64');
const last = async () => (await server.runtime.state.journal.list()).at(-1)!;

describe('one lifecycle for every front door', () => {
  it('Tencent, Huawei OCR and Huawei IAM successes pass every stage, in order', async () => {
    await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const tencent = (await last());
    const res = await signedFetch(server.url, ocrPath(), { image }, { now: Date.now() });
    expect(res.status).toBe(200);
    const huawei = (await last());
    const token = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } } } }),
    });
    expect(token.status).toBe(201);
    const iam = (await last());

    expect([tencent.action, huawei.action, iam.action]).toEqual(['IDCardOCR', 'RecognizeIdCard', 'KeystoneCreateUserTokenByPassword']);
    for (const entry of [tencent, huawei, iam]) {
      expect(entry.outcome).toBe('ok');
      expect(entry.stages).toEqual([...STAGES]);
    }
    expect([tencent.status, huawei.status, iam.status]).toEqual([200, 200, 201]);
  });

  it('a failure stops at its stage, then renders and records, for every front door', async () => {
    const e = await sdkError(ocrClient(server.endpoint, { secretKey: 'wrong' }).IDCardOCR({ ImageBase64: image }));
    expect(e.code).toBe('AuthFailure.SignatureFailure');
    const tencent = (await last());
    const res = await fetch(`${server.url}/v2/p/ocr/id-card`, { method: 'POST', headers: { 'X-Auth-Token': 'not-a-token' }, body: '{}' });
    expect(res.status).toBe(401);
    const huawei = (await last());
    const iamRes = await fetch(`${server.url}/v3/auth/tokens`, { method: 'POST', body: 'not json' });
    expect(iamRes.status).toBe(400);
    const iam = (await last());
    const upTo = (stage: string) => [...STAGES.slice(0, STAGES.indexOf(stage as (typeof STAGES)[number]) + 1), 'render', 'record'];
    expect(tencent.stages).toEqual(upTo('authenticate'));
    expect(huawei.stages).toEqual(upTo('authenticate'));
    expect(iam.stages).toEqual(upTo('validate'));
    expect([tencent.outcome, huawei.outcome, iam.outcome]).toEqual(['AuthFailure.SignatureFailure', 'APIG.0301', 'IAM.400']);
  });
});
