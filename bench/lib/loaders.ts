import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinned } from './processes.ts';
import type { SignedRequest } from './requests.ts';

export type LoaderName = 'wrk' | 'autocannon';

export const hasWrk = (): boolean => spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

export interface LoadRun {
  url: string;
  request: SignedRequest;
  connections: number;
  durationS: number;
  /** A request slower than this counts as a timeout error. */
  timeoutS: number;
  cpu?: number;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, non-2xx answers and timeouts, as the load generator counts them. */
  errors: { connect: number; read: number; write: number; status: number; timeout: number };
}

const here = new URL('..', import.meta.url).pathname;

/**
 * One bounded run of one pre-signed request at `connections`, in a process of its own (pinned to the
 * loader's core): wrk with bench/wrk/signed-request.lua, or autocannon. Killed if it overruns its
 * duration by 30 s.
 */
export async function runLoad(loader: LoaderName, r: LoadRun): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'idcard-mock-bench-'));
  try {
    const head = join(dir, 'head'), body = join(dir, 'body');
    writeFileSync(head, [r.request.method, r.request.path, ...Object.entries(r.request.headers).map(([k, v]) => `${k}: ${v}`)].join('\n'));
    writeFileSync(body, r.request.body);
    const env = {
      ...process.env, BENCH_HEAD: head, BENCH_BODY: body, BENCH_URL: r.url,
      BENCH_CONNECTIONS: String(r.connections), BENCH_DURATION: String(r.durationS), BENCH_TIMEOUT: String(r.timeoutS),
    };
    const [cmd, args] = loader === 'wrk'
      ? pinned(r.cpu, 'wrk', ['-t1', `-c${r.connections}`, `-d${r.durationS}s`, `--timeout`, `${r.timeoutS}s`, '-s', join(here, 'wrk/signed-request.lua'), r.url])
      : pinned(r.cpu, process.execPath, [join(here, 'loaders/autocannon.mjs')]);
    const out = await run(cmd, args, env, (r.durationS + 30) * 1000);
    const line = out.split('\n').reverse().find((l) => l.startsWith('{'));
    if (!line) throw new Error(`${loader} printed no summary:\n${out}`);
    const s = JSON.parse(line) as { requests: number; duration_us: number; p50_us: number; p99_us: number } & LoadResult['errors'];
    const durationS = s.duration_us / 1e6;
    return {
      requests: s.requests, durationS, rps: s.requests / durationS, p50Ms: s.p50_us / 1000, p99Ms: s.p99_us / 1000,
      errors: { connect: s.connect, read: s.read, write: s.write, status: s.status, timeout: s.timeout },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, killAfterMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d; });
    child.stderr.on('data', (d: Buffer) => { out += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} ended with ${signal ?? code}:\n${out}`));
    });
  });
}
