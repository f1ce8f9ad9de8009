import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';

/** Cores for the servers and for the load generator when the machine has two or more, else no pinning. */
export interface Pinning { servers?: number; loader?: number }

export function choosePinning(): Pinning {
  const hasTaskset = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
  return hasTaskset && availableParallelism() >= 2 ? { loader: 0, servers: 1 } : {};
}

/** `command args` run on one core with taskset (which execs it: the pid is the command's), or as is. */
export function pinned(cpu: number | undefined, command: string, args: string[]): [string, string[]] {
  return cpu === undefined ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}

export interface Started { child: ChildProcess; url: string; spawnedAt: number }

const LISTENING = /listening on (http:\/\/[\d.]+:\d+)/;

/**
 * Spawns a server in its own process group and resolves once it printed `… listening on http://HOST:PORT`
 * (the emulator's exact line; the reference servers print the same). Fails after `timeoutMs`.
 */
export function startServerProcess(command: string, args: string[], o: { cpu?: number; cwd?: string; timeoutMs?: number } = {}): Promise<Started> {
  const [cmd, argv] = pinned(o.cpu, command, args);
  const spawnedAt = performance.now();
  const child = spawn(cmd, argv, { cwd: o.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => { stopProcess(child); reject(new Error(`${command} ${args.join(' ')}: not listening after ${o.timeoutMs ?? 20_000} ms\n${out}${err}`)); }, o.timeoutMs ?? 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = LISTENING.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1]!, spawnedAt }); }
    });
    child.stderr!.on('data', (d: Buffer) => { err += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${command} ${args.join(' ')} exited (${code}) before listening\n${out}${err}`)); });
  });
}

/** Ends the process group we started (npm start runs sh and node under npm). */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
  return exited;
}

/** Spawn to the first HTTP 200 (GET /__mock/health, which the references answer like any path), in ms. */
export async function spawnToFirstAnswer(command: string, args: string[], o: { cpu?: number; cwd?: string }): Promise<number> {
  const s = await startServerProcess(command, args, o);
  try {
    const res = await fetch(`${s.url}/__mock/health`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${command} ${args.join(' ')}: first answer was ${res.status}`);
    return performance.now() - s.spawnedAt;
  } finally {
    await stopProcess(s.child);
  }
}

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux clear_refs 5), so each run has its own peak. */
export function resetPeakRss(pid: number): void {
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { /* not Linux, or not allowed: the peak is then since start */ }
}

/** VmHWM in MB, or undefined where /proc is not there. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) the process has used, in clock ticks (1/100 s on Linux), or undefined without /proc. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the whole line)
  } catch {
    return undefined;
  }
}

/**
 * Waits until the process is idle (at most one tick of CPU in `windowMs`), at most `timeoutMs`: a
 * server may still be working through the requests of a run that its load generator has left (7 MB
 * bodies at 64 connections), which must not be counted in the next run.
 */
export async function waitIdle(pid: number, windowMs = 250, timeoutMs = 60_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let before = cpuTicks(pid);
  while (before !== undefined && performance.now() < until) {
    await delay(windowMs);
    const after = cpuTicks(pid);
    if (after === undefined || after - before <= 1) return;
    before = after;
  }
}
