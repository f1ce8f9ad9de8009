import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type RedisServer } from '../helpers/redisServer.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient, ocrClient as tencentOcr, sdkError as tencentError } from '../helpers/tencentClients.ts';
import { ocrClient as huaweiOcr, sandboxHome, sdkError as huaweiError } from '../helpers/huaweiOcrClient.ts';
import { ocrPath, PROJECT_ID } from '../helpers/huaweiSign.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import type { JournalEntry } from '../../src/state/journal.ts';
import type { AppOptions } from '../../src/app.ts';

/**
 * Three replicas on one real redis-server, driven through the real Tencent and Huawei SDKs: whatever
 * replica a call lands on, they answer as one emulator (issue 18's acceptance).
 */
let redis: RedisServer;
let replicas: TestServer[];
let prefix = 0;
const N = 3;

async function startReplicas(options: AppOptions = {}): Promise<TestServer[]> {
  const shared = { state: redis.url, statePrefix: `replicas-${process.pid}-${++prefix}`, ...options };
  return Promise.all(Array.from({ length: N }, () => startServer(shared)));
}

beforeAll(async () => {
  sandboxHome();
  redis = await startRedis();
});
afterAll(async () => { await redis.stop(); });
beforeEach(async (ctx) => {
  replicas = await startReplicas();
  ctx.onTestFinished(async () => { await Promise.all(replicas.map((r) => r.close())); });
});

const [A, B, C] = [0, 1, 2];
const card = { ImageUrl: 'https://example.com/replica-front.jpg' };
const hwImage = makeCardImage({ seed: 'replicas' }).toString('base64');
const admin = (r: TestServer, path: string, init: { method: string; body?: unknown }) =>
  fetch(`${r.url}/__mock${path}`, { method: init.method, headers: { 'Content-Type': 'application/json' }, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
const journalOf = async (r: TestServer): Promise<JournalEntry[]> => (await (await fetch(`${r.url}/__mock/journal`)).json()) as JournalEntry[];

describe('three replicas on one Redis', () => {
  it('a binding set on A is obeyed on B and C, for Tencent and for Huawei', async () => {
    expect((await admin(replicas[A]!, `/bindings/${WELL_KNOWN.tencent.secretId}`, { method: 'PUT', body: { scenario: 'FailedOperation.ImageBlur' } })).status).toBe(200);
    expect((await admin(replicas[A]!, `/bindings/${WELL_KNOWN.huawei.ak}`, { method: 'PUT', body: { scenario: 'AIS.0103' } })).status).toBe(200);
    for (const r of [replicas[B]!, replicas[C]!]) {
      expect((await tencentError(tencentOcr(r.endpoint).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
      expect((await huaweiError(huaweiOcr(r.url, { projectId: PROJECT_ID }).recognizeIdCard({ body: { image: hwImage } }))).errorCode).toBe('AIS.0103');
    }
    expect(await (await admin(replicas[C]!, `/bindings/${WELL_KNOWN.tencent.secretId}`, { method: 'GET' })).json()).toMatchObject({ scenario: 'FailedOperation.ImageBlur' });
  });

  it('a steps sequence of 5 played by 8 concurrent callers on random replicas: each caller gets its own 5 steps, once each, in order', async () => {
    const steps = ['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'RequestLimitExceeded', 'InternalError', {}];
    expect((await admin(replicas[A]!, '/active', { method: 'PUT', body: { steps, repeatLast: false } })).status).toBe(200);
    const outcomeOf = (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: { code: string }) => e.code);
    const callers = Array.from({ length: 8 }, (_, i) => `AKIDreplica${i}`);
    const seen = await Promise.all(callers.map(async (secretId, i) => {
      const got: string[] = [];
      for (let n = 0; n < 5; n++) {
        // A different replica each time, differently for each caller: every caller crosses all three.
        const r = replicas[(i + n * (1 + (i % 2))) % N]!;
        got.push(await outcomeOf(tencentOcr(r.endpoint, { secretId }).IDCardOCR(card)));
      }
      return got;
    }));
    for (const got of seen) expect(got).toEqual(['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'RequestLimitExceeded', 'InternalError', 'ok']);
    // The same race on one caller: 5 calls at once, across the replicas, take the 5 steps once each.
    const racing = await Promise.all(Array.from({ length: 5 }, (_, n) => outcomeOf(tencentOcr(replicas[n % N]!.endpoint, { secretId: 'AKIDracer' }).IDCardOCR(card))));
    expect(racing.sort()).toEqual(['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'InternalError', 'RequestLimitExceeded', 'ok']);
  });

  it('a rate limit of N per window across the replicas lets exactly N through', async () => {
    await Promise.all(replicas.map((r) => r.close()));
    replicas = await startReplicas({ rateLimitPerMinute: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      huaweiOcr(replicas[i % N]!.url, { projectId: PROJECT_ID }).recognizeIdCard({ body: { image: hwImage } }).then(() => 'ok', (e: { errorCode: string }) => e.errorCode)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r === 'APIG.0308')).toHaveLength(7);
  });

  it('an IAM token issued by A works on C', async () => {
    const issued = await fetch(`${replicas[A]!.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { domain: { name: 'acct' }, name: WELL_KNOWN.huawei.user, password: WELL_KNOWN.huawei.password } } }, scope: { project: { id: PROJECT_ID } } } }),
    });
    expect(issued.status).toBe(201);
    const token = issued.headers.get('x-subject-token')!;
    const res = await fetch(`${replicas[C]!.url}${ocrPath()}`, { method: 'POST', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ image: hwImage }) });
    expect(res.status).toBe(200);
    expect((await journalOf(replicas[B]!)).at(-1)).toMatchObject({ caller: `${WELL_KNOWN.huawei.user}@${PROJECT_ID}`, outcome: 'ok', replica: replicas[C]!.endpoint });
  });

  it('a FaceID BizToken issued by A is finished on B and read on C', async () => {
    const { BizToken } = await faceidClient(replicas[A]!.endpoint).DetectAuth({ RuleId: '1', RedirectUrl: 'https://app.example/done' });
    const decided = await admin(replicas[B]!, '/faceid/verify', { method: 'POST', body: { token: BizToken, outcome: '1005' } });
    expect(decided.status).toBe(200);
    const result = await faceidClient(replicas[C]!.endpoint).GetDetectInfoEnhanced({ BizToken: BizToken!, RuleId: '1' });
    expect(result.Text?.ErrCode).toBe(1005);
  });

  it('a person read on A after a reset through B is on record for C again', async () => {
    const read = async () => tencentOcr(replicas[A]!.endpoint).IDCardOCR(card);
    const person = await read();
    expect((await admin(replicas[B]!, '/reset', { method: 'POST' })).status).toBe(200);
    // Not on record after the reset: any name is a match for a valid number (the emulator is not strict by default)…
    expect((await faceidClient(replicas[C]!.endpoint).IdCardVerification({ Name: '另一人', IdCard: person.IdNum! })).Result).toBe('0');
    // … and on record again once A has read the card again: another name is a mismatch.
    await read();
    expect((await faceidClient(replicas[C]!.endpoint).IdCardVerification({ Name: '另一人', IdCard: person.IdNum! })).Result).toBe('-1');
  });

  it('advancing the clock on B expires a signature on A', async () => {
    await expect(tencentOcr(replicas[A]!.endpoint).IDCardOCR(card)).resolves.toHaveProperty('IdNum');
    expect((await admin(replicas[B]!, '/clock', { method: 'POST', body: { advance: '10m' } })).status).toBe(200);
    expect((await tencentError(tencentOcr(replicas[A]!.endpoint).IDCardOCR(card))).code).toBe('AuthFailure.SignatureExpire');
    expect((await (await fetch(`${replicas[C]!.url}/__mock/clock`)).json()).offsetMs).toBeGreaterThanOrEqual(600_000 - 1000);
  });

  it('coverage and the journal on any replica include the traffic of all three, each entry naming its replica', async () => {
    // The live feed of C hears every replica's requests, so the test waits for them there, not on a timer.
    const events = await fetch(`${replicas[C]!.url}/__mock/events?last=0`);
    const heard = new Set<string>();
    const reader = events.body!.getReader();
    const errors = ['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'InternalError'];
    const ids = await Promise.all(replicas.map((r, i) => tencentError(tencentOcr(r.endpoint, { headers: { 'X-Mock-Scenario': errors[i]! } }).IDCardOCR(card)).then((e) => e.requestId)));
    const text = new TextDecoder();
    let buffer = '';
    while (!ids.every((id) => heard.has(id))) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += text.decode(value, { stream: true });
      for (const m of buffer.matchAll(/^id: (.+)$/gm)) heard.add(m[1]!);
    }
    await reader.cancel();
    expect(ids.every((id) => heard.has(id))).toBe(true);
    const order = (await journalOf(replicas[A]!)).map((e) => e.requestId);
    expect([...order].sort()).toEqual([...ids].sort());
    for (const r of replicas) {
      const journal = await journalOf(r);
      // One journal: the same entries in the same order on every replica.
      expect(journal.map((e) => e.requestId)).toEqual(order);
      expect(new Set(journal.map((e) => e.replica))).toEqual(new Set(replicas.map((x) => x.endpoint)));
      const coverage = (await (await fetch(`${r.url}/__mock/coverage`)).json()) as Record<string, { errors: Record<string, boolean> }>;
      for (const code of errors) expect(coverage['tencent:IDCardOCR']!.errors[code], `${code} on ${r.endpoint}`).toBe(true);
    }
  });
});

describe('two `idcard-mock start` processes on one redis-server (docs/replicas.md)', () => {
  it('a binding put through one is obeyed by the other, through the Tencent SDK', { timeout: 60_000 }, async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const start = async () => {
      const child = spawn(process.execPath, ['bin/idcard-mock.js', '--port', '0', '--no-request-log', '--state', redis.url, '--state-prefix', `cli-${process.pid}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
      while (!out.includes('\n')) await once(child.stdout, 'data');
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url) throw new Error(`did not start: ${out}`);
      return { child, url, endpoint: new URL(url).host };
    };
    const [one, two] = await Promise.all([start(), start()]);
    try {
      const put = await fetch(`${one.url}/__mock/bindings/${WELL_KNOWN.tencent.secretId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'FailedOperation.ImageBlur' }) });
      expect(put.status).toBe(200);
      expect((await tencentError(tencentOcr(two.endpoint).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
      expect(await (await fetch(`${two.url}/__mock/health`)).json()).toMatchObject({ status: 'ok', state: 'redis', replica: expect.stringMatching(new RegExp(`:${new URL(two.url).port}$`)) });
    } finally {
      for (const p of [one, two]) {
        p.child.kill('SIGTERM');
        if (p.child.exitCode === null) await once(p.child, 'exit');
      }
    }
  });
});
