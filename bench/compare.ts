// `npm run bench:compare -- CHECKOUT [CHECKOUT+FLAGS ...]`: IDCardOCR 2 kB at 10 connections (wrk) against the
// Express reference and one or more built checkouts of the emulator (a path, optionally `+` extra CLI flags
// and VAR=value environment, e.g. `/tmp/base` `.+--journal-size 1`), in interleaved rounds on fresh
// servers; prints req/s, the ratio to Express and the server's CPU time per answer, which is steadier than
// req/s on a shared machine. How a change to the hot path is judged before `npm run bench` (ROUNDS, SECS, C).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { smallPng } from './lib/images.ts';
import { hasWrk, runLoad } from './lib/loaders.ts';
import { choosePinning, cpuTicks, startServerProcess, stopProcess, waitIdle, type Started } from './lib/processes.ts';
import { credentialsFile, idCardOcr } from './lib/requests.ts';
import { median } from './lib/report.ts';

const specs = process.argv.slice(2);
if (!specs.length) throw new Error('usage: npm run bench:compare -- CHECKOUT [CHECKOUT+FLAGS ...]');
const rounds = Number(process.env.ROUNDS ?? 4);
const seconds = Number(process.env.SECS ?? 5);
const connections = Number(process.env.C ?? 10);
const loader = hasWrk() ? 'wrk' : 'autocannon';
const work = mkdtempSync(join(tmpdir(), 'idcard-mock-compare-'));
const credentials = join(work, 'credentials.json');
writeFileSync(credentials, credentialsFile());
const pin = choosePinning();
const image = smallPng().toString('base64');

interface Server { name: string; cwd: string; args: string[]; env: Record<string, string> }
const servers: Server[] = [
  { name: 'express', cwd: resolve(specs[0]!.split('+')[0]!), args: ['bench/servers/express.mjs'], env: {} },
  ...specs.map((spec): Server => {
    const [dir, extra = ''] = spec.split('+') as [string, string?];
    const words = extra.split(' ').filter(Boolean);
    const isEnv = (w: string): boolean => /^[A-Z_]+=/.test(w);
    return {
      name: spec, cwd: resolve(dir),
      args: ['bin/idcard-mock.js', '--auth', 'lenient', '--credentials', credentials, '--no-rate-limit', '--no-request-log', ...words.filter((w) => !isEnv(w))],
      env: Object.fromEntries(words.filter(isEnv).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)])),
    };
  }),
];
const rps = new Map<string, number[]>();
const cpu = new Map<string, number[]>();
const push = (m: Map<string, number[]>, k: string, v: number): void => { m.set(k, [...(m.get(k) ?? []), v]); };
const load = async (p: Started, durationS: number) => runLoad(loader, { url: p.url, request: idCardOcr(new URL(p.url).host, image, Date.now()), connections, durationS, timeoutS: 10, cpu: pin.loader });

// Every server started, so that a failure (a checkout that does not start, a load that errs) stops them all.
const running = new Set<Started>();
try {
  for (let round = 0; round < rounds; round++) {
    const started: { s: Server; p: Started }[] = [];
    for (const s of servers) {
      const saved = { ...process.env };
      Object.assign(process.env, s.env);
      const p = await startServerProcess(process.execPath, [...s.args, '--port', '0'], { cpu: pin.servers, cwd: s.cwd });
      process.env = saved;
      running.add(p);
      started.push({ s, p });
      await load(p, 2); // warm-up
      await waitIdle(p.child.pid!);
    }
    for (let i = 0; i < started.length; i++) { // who goes first rotates
      const { s, p } = started[(i + round) % started.length]!;
      const before = cpuTicks(p.child.pid!) ?? NaN;
      const r = await load(p, seconds);
      await waitIdle(p.child.pid!);
      push(rps, s.name, r.rps);
      push(cpu, s.name, (((cpuTicks(p.child.pid!) ?? NaN) - before) * 10_000) / r.requests);
    }
    for (const { p } of started) {
      await stopProcess(p.child);
      running.delete(p);
    }
    const e = rps.get('express')!.at(-1)!;
    console.log(`round ${round + 1}: ${servers.map((s) => `${s.name} ${rps.get(s.name)!.at(-1)!.toFixed(0)} req/s (${(rps.get(s.name)!.at(-1)! / e).toFixed(2)}×)`).join('  ')}`);
  }
  for (const s of servers) {
    const ratios = rps.get(s.name)!.map((v, i) => v / rps.get('express')![i]!);
    console.log(`${s.name}: CPU per answer, median ${median(cpu.get(s.name)!).toFixed(1)} µs [${cpu.get(s.name)!.map((x) => x.toFixed(0)).join(' ')}]; req/s ratio to Express, median ${median(ratios).toFixed(2)} [${ratios.map((x) => x.toFixed(2)).join(' ')}]`);
  }
} finally {
  for (const p of running) await stopProcess(p.child);
  rmSync(work, { recursive: true, force: true });
}
