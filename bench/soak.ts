// `npm run soak` (SOAK_REQUESTS=N, default 200,000): the emulator as shipped, in its own process, under
// a deterministic mix of every API through every front door and signing style, the control plane and
// a share of errors, with the journal on. Passes when every call got the answer it should, the RSS
// after the run is within 30 MB of the RSS after warm-up, and the journal stays at its bound of 1000.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { cpuTicks, startServerProcess, stopProcess, peakRssMb } from './lib/processes.ts';
import { drawCall, seeded, soakCredentials } from './lib/soakMix.ts';

export interface SoakOptions { requests: number; concurrency?: number; warmup?: number; log?: (line: string) => void }

export interface SoakResult {
  requests: number; warmup: number; seconds: number; requestsPerSecond: number;
  /** RSS after a full garbage collection (SIGUSR2, see lib/gcOnSignal.mjs), its growth, and the peak. */
  rssAfterWarmupMb: number; rssAfterRunMb: number; growthMb: number; peakRssMb: number;
  /** All the figures (MB) after the warm-up's and the run's full collections: the heap tells a leak from RSS that V8 or malloc keep. */
  memoryAfterWarmup: Memory; memoryAfterRun: Memory;
  /** CPU seconds of the run: the emulator's, and this process's (the load). */
  serverCpuSeconds: number; clientCpuSeconds: number;
  journalLength: number;
  /** Calls per kind, and how many got another answer than expected. */
  kinds: Record<string, { sent: number; unexpected: number }>;
  /** The first unexpected answers (socket errors included), for the report. */
  unexpected: { kind: string; expected: string; got: string }[];
}

export const RSS_GROWTH_LIMIT_MB = 30;
export const JOURNAL_BOUND = 1000;

const root = new URL('..', import.meta.url).pathname;
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

export interface Memory { rss: number; heapUsed: number; external: number; arrayBuffers: number }

/**
 * The emulator's memory right after a full garbage collection (lib/gcOnSignal.mjs), in MB: asked for
 * once every call has been answered, read when the figures it prints after the collection arrive.
 */
async function settledMemory(child: ChildProcess): Promise<Memory> {
  const figures = new Promise<Memory>((resolve) => {
    const onData = (d: Buffer): void => {
      const m = /soak-memory (\{.*\})/.exec(d.toString());
      if (!m) return;
      child.stderr!.off('data', onData);
      const raw = JSON.parse(m[1]!) as Memory;
      resolve(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v / 2 ** 20])) as unknown as Memory);
    };
    child.stderr!.on('data', onData);
  });
  process.kill(child.pid!, 'SIGUSR2');
  const memory = await figures;
  return { ...memory, rss: rssMb(child.pid!) };
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => {});
  const concurrency = o.concurrency ?? 8;
  const warmup = o.warmup ?? Math.min(5000, Math.max(1000, Math.round(o.requests / 10)));
  const dir = mkdtempSync(join(tmpdir(), 'idcard-mock-soak-'));
  writeFileSync(join(dir, 'credentials.json'), soakCredentials());
  const gcHook = join(root, 'bench/lib/gcOnSignal.mjs');
  const server = await startServerProcess(process.execPath, ['--expose-gc', '--import', gcHook, 'bin/idcard-mock.js', '--port', '0', '--credentials', join(dir, 'credentials.json'), '--no-rate-limit', '--no-request-log'], { cwd: root });
  const pid = server.child.pid!;
  const host = new URL(server.url).host;
  try {
    const tokenRes = await fetch(`${server.url}/v3/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'soak', password: 'x', domain: { name: 'soak' } } } }, scope: { project: { name: 'cn-north-4' } } } }),
    });
    const state = { token: tokenRes.headers.get('x-subject-token') ?? '', tokenProject: ((await tokenRes.json()) as { token: { project: { id: string } } }).token.project.id };

    const kinds: SoakResult['kinds'] = {};
    const unexpected: SoakResult['unexpected'] = [];
    const run = async (n: number, seed: number, record: boolean): Promise<void> => {
      const rnd = seeded(seed);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < n) {
          next++;
          const call = drawCall(rnd, host, state);
          let got: string;
          try {
            const { status, code } = await call.send(server.url);
            got = status >= 500 ? `${status} ${code}` : code;
          } catch (e) {
            got = `socket: ${(e as Error & { cause?: { code?: string } }).cause?.code ?? (e as Error).message}`;
          }
          if (!record) continue;
          const k = (kinds[call.kind] ??= { sent: 0, unexpected: 0 });
          k.sent++;
          if (got !== call.expect) {
            k.unexpected++;
            if (unexpected.length < 20) unexpected.push({ kind: call.kind, expected: call.expect, got });
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
    };

    log(`soak: warm-up, ${warmup} calls`);
    await run(warmup, 1, false);
    log('soak: warm-up done, settling');
    const memoryAfterWarmup = await settledMemory(server.child);
    const rssAfterWarmupMb = memoryAfterWarmup.rss;
    log(`soak: RSS after warm-up ${rssAfterWarmupMb.toFixed(1)} MB; ${o.requests} calls, ${concurrency} in flight`);
    const started = performance.now();
    const [serverTicks, clientCpu] = [cpuTicks(pid) ?? NaN, process.cpuUsage()];
    await run(o.requests, 2, true);
    const seconds = (performance.now() - started) / 1000;
    const serverCpuSeconds = ((cpuTicks(pid) ?? NaN) - serverTicks) / 100;
    const { user, system } = process.cpuUsage(clientCpu);
    const memoryAfterRun = await settledMemory(server.child);
    const rssAfterRunMb = memoryAfterRun.rss;
    const journal = (await (await fetch(`${server.url}/__mock/journal`)).json()) as unknown[];
    return {
      requests: o.requests, warmup, seconds, requestsPerSecond: o.requests / seconds,
      rssAfterWarmupMb, rssAfterRunMb, growthMb: rssAfterRunMb - rssAfterWarmupMb, peakRssMb: peakRssMb(pid) ?? NaN, memoryAfterWarmup, memoryAfterRun,
      serverCpuSeconds, clientCpuSeconds: (user + system) / 1e6, journalLength: journal.length, kinds, unexpected,
    };
  } finally {
    await stopProcess(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The verdict: the reasons the soak failed, none when it passed. */
export function soakProblems(r: SoakResult): string[] {
  const problems: string[] = [];
  if (r.growthMb > RSS_GROWTH_LIMIT_MB) problems.push(`RSS grew ${r.growthMb.toFixed(1)} MB (limit ${RSS_GROWTH_LIMIT_MB} MB)`);
  if (r.journalLength > JOURNAL_BOUND) problems.push(`journal holds ${r.journalLength} entries (bound ${JOURNAL_BOUND})`);
  const bad = Object.values(r.kinds).reduce((n, k) => n + k.unexpected, 0);
  if (bad) problems.push(`${bad} unexpected answers, e.g. ${JSON.stringify(r.unexpected.slice(0, 3))}`);
  return problems;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const requests = Number(process.env.SOAK_REQUESTS ?? 200_000);
  const r = await runSoak({ requests, log: (l) => process.stderr.write(`${l}\n`) });
  const { kinds, unexpected, ...figures } = r;
  console.log(JSON.stringify(figures, null, 2));
  console.log(Object.entries(kinds).map(([k, v]) => `${String(v.sent).padStart(7)}  ${k}${v.unexpected ? `  (${v.unexpected} unexpected)` : ''}`).join('\n'));
  const problems = soakProblems(r);
  if (unexpected.length) console.log('unexpected:', unexpected);
  console.log(problems.length ? `soak FAILED: ${problems.join('; ')}` : `soak passed: ${requests} calls, RSS ${r.growthMb >= 0 ? '+' : ''}${r.growthMb.toFixed(1)} MB after warm-up, journal ${r.journalLength}`);
  process.exitCode = problems.length ? 1 : 0;
}
