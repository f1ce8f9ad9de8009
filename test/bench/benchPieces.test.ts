import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { parseCommandLine } from '../../src/cli/parseCommandLine.ts';
import { largePng, smallPng } from '../../bench/lib/images.ts';
import { hasWrk, runLoad } from '../../bench/lib/loaders.ts';
import { spawnToFirstAnswer, startServerProcess, stopProcess, peakRssMb, resetPeakRss, type Started } from '../../bench/lib/processes.ts';
import { BENCH_CREDENTIALS, credentialsFile, huaweiIdCard, idCardOcr, tryOnce } from '../../bench/lib/requests.ts';
import { formatReport, median, type BenchResult, type ServerFigures } from '../../bench/lib/report.ts';

// The benchmark's pieces, cheaply: its reference servers answer, its pre-signed requests are fully
// verified and accepted by the emulator, its load generator runs and is parsed, its table has the ratios.
// `npm run bench -- --quick` is the smoke run of the whole.
const root = new URL('../..', import.meta.url).pathname;
const small = smallPng().toString('base64');
let dir: string;
let emulator: TestServer;
const references: Started[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idcard-mock-bench-test-'));
  writeFileSync(join(dir, 'credentials.json'), credentialsFile());
  const command = parseCommandLine(['--credentials', join(dir, 'credentials.json'), '--no-rate-limit'], { env: {}, home: dir });
  if (command.name !== 'start') throw new Error('expected the start command');
  emulator = await startServer({ ...command.config });
  for (const file of ['node-http.mjs', 'express.mjs']) references.push(await startServerProcess(process.execPath, [`bench/servers/${file}`, '--port', '0'], { cwd: root }));
});
afterAll(async () => {
  await emulator.close();
  for (const r of references) await stopProcess(r.child);
  rmSync(dir, { recursive: true, force: true });
});

describe('bench pieces', () => {
  it('the images: a real ~1.5 KB PNG and an incompressible ~5.5 MB one (7.3 MB of JSON)', () => {
    expect(Buffer.from(small, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(small.length).toBeGreaterThan(1500);
    expect(small.length).toBeLessThan(2500);
  });

  it('the emulator accepts the signed requests with the stored bench credentials, and checks their signatures', async () => {
    const host = emulator.endpoint;
    for (const r of [idCardOcr(host, small), huaweiIdCard(host, small)]) expect(await tryOnce(emulator.url, r)).toMatchObject({ ok: true, status: 200 });
    const large = largePng().toString('base64');
    const big = idCardOcr(host, large);
    expect(big.body.length / 1e6).toBeCloseTo(7.33, 1);
    expect(await tryOnce(emulator.url, big)).toMatchObject({ ok: true });
    // Signed with another key for the stored SecretId: refused, so the check was the full HMAC.
    const forged = idCardOcr(host, small);
    forged.headers.Authorization = forged.headers.Authorization!.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    const refused = await tryOnce(emulator.url, forged);
    expect(refused.ok).toBe(false);
    expect(JSON.parse(refused.body).Response.Error.Code).toBe('AuthFailure.SignatureFailure');
    expect(BENCH_CREDENTIALS.tencent.secretId).toMatch(/^AKID/);
  });

  it('the reference servers read the body and answer the fixed vendor-shaped JSON', async () => {
    for (const ref of references) {
      const host = new URL(ref.url).host;
      expect(await tryOnce(ref.url, idCardOcr(host, small))).toMatchObject({ ok: true });
      expect(await tryOnce(ref.url, huaweiIdCard(host, small))).toMatchObject({ ok: true });
      resetPeakRss(ref.child.pid!);
      expect(peakRssMb(ref.child.pid!)).toBeGreaterThan(10);
    }
  });

  it('spawn to first answer is measured from spawn to the first HTTP 200', async () => {
    const ms = await spawnToFirstAnswer(process.execPath, ['bench/servers/node-http.mjs', '--port', '0'], { cwd: root });
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(10_000);
  });

  it.each([...(hasWrk() ? ['wrk'] as const : []), 'autocannon'] as const)('%s runs a bounded 1 s load and its summary is read', async (loader) => {
    const ref = references[0]!;
    const r = await runLoad(loader, { url: ref.url, request: idCardOcr(new URL(ref.url).host, small), connections: 2, durationS: 1, timeoutS: 5 });
    expect(r.requests).toBeGreaterThan(10);
    expect(r.durationS).toBeGreaterThan(0.9);
    expect(r.durationS).toBeLessThan(3);
    expect(r.p99Ms).toBeGreaterThanOrEqual(r.p50Ms);
    expect(Object.values(r.errors).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('the table gives each emulator figure as a ratio to both references', () => {
    const figures = (rps: number): ServerFigures => ({ rps, p50Ms: 1000 / rps, p99Ms: 2000 / rps, peakRssMb: 100, errors: 0, rounds: [] });
    const result: BenchResult = {
      date: '2026-01-01T00:00:00.000Z', command: 'npm run bench', commit: 'abc1234',
      machine: { cpu: 'cpu', cores: 2, memoryGb: 8, os: 'Linux', node: 'v20', loadAverageAtEnd: [0, 0, 0] },
      loader: 'wrk', pinning: { servers: 1, loader: 0 }, plan: { rounds: 1, startups: 1 }, note: 'noisy',
      images: { smallPngBytes: 1456, largePngBytes: 5_497_464 },
      loads: [{ name: 'IDCardOCR small', connections: 10, bodyBytes: 1980, durationS: 1, servers: { 'node:http': figures(20_000), express: figures(5000), 'idcard-mock': figures(4000) } }],
      startupMs: { 'node:http': { median: 100, runs: [100] }, express: { median: 200, runs: [200] }, 'idcard-mock: node bin/idcard-mock.js': { median: 250, runs: [250] }, 'idcard-mock: npm start': { median: 600, runs: [600] }, 'express: npm start': { median: 500, runs: [500] } },
      keptUp: { load: 'IDCardOCR small c=10', rounds: 3, servers: {
        'node:http': { peakRssMb: 200, rps: [900, 1000, 1100], errors: 0 },
        express: { peakRssMb: 400, rps: [10, 12, 11], errors: 0 },
        'idcard-mock': { peakRssMb: 300, rps: [30, 10, 20], errors: 1 },
      } },
      emulatorAnswersNotOk: {},
    };
    const table = formatReport(result);
    // the load answered for three rounds by one process per server: the peak over them, the median req/s
    expect(table).toContain('| IDCardOCR 2.0 kB c=10, 3 rounds in one process | peak RSS MB over the rounds | median req/s | errors |');
    expect(table).toContain('| idcard-mock | 300 | 20.0 | 1 |');
    expect(table).toContain('| idcard-mock ÷ express | 0.75× | 1.82× |  |');
    expect(table).toContain('| IDCardOCR 2.0 kB c=10 | idcard-mock ÷ express | 0.80× | 1.25× | 1.25× | 1.00× |  |');
    expect(table).toContain('| IDCardOCR 2.0 kB c=10 | idcard-mock ÷ node:http | 0.20× |');
    // each start is compared with the Express reference started the same way: node with node, npm start with npm start
    expect(table).toContain('| idcard-mock: node bin/idcard-mock.js | 250 | 1.25× | 2.50× |');
    expect(table).toContain('| idcard-mock: npm start | 600 | 1.20× | 6.00× |');
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
