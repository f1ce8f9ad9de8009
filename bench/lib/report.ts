import type { LoadResult } from './loaders.ts';

/** `idcard-mock --state redis`: the emulator with its state in a redis-server the bench starts, on the 2 kB c=10 load only. */
export type ServerName = 'node:http' | 'express' | 'idcard-mock' | 'idcard-mock --state redis';
export const REFERENCES = ['express', 'node:http'] as const;

export interface ServerFigures {
  /** Medians over the rounds (peak RSS: the highest). */
  rps: number; p50Ms: number; p99Ms: number; peakRssMb: number;
  /** Socket errors, non-2xx answers and timeouts over all rounds. */
  errors: number;
  rounds: (LoadResult & { peakRssMb?: number })[];
}

export interface LoadSummary { name: string; connections: number; bodyBytes: number; durationS: number; servers: Record<Exclude<ServerName, 'idcard-mock --state redis'>, ServerFigures> & { 'idcard-mock --state redis'?: ServerFigures } }

/** One load answered for several rounds by one process per server: the peak RSS over all of them, req/s of each. */
export interface KeptUpSummary {
  load: string; rounds: number;
  servers: Partial<Record<ServerName, { peakRssMb: number; rps: number[]; errors: number }>>;
}

export interface BenchResult {
  date: string; command: string; commit: string;
  machine: { cpu: string; cores: number; memoryGb: number; os: string; node: string; loadAverageAtEnd: number[] };
  loader: string; pinning: { servers?: number; loader?: number };
  plan: Record<string, number>; note: string;
  images: { smallPngBytes: number; largePngBytes: number };
  loads: LoadSummary[];
  /** Absent in results written before issue 19. */
  keptUp?: KeptUpSummary;
  startupMs: Record<string, { median: number; runs: number[] }>;
  /** Answers the emulator journaled as something other than a success during the measured runs, by load and outcome (should be empty). */
  emulatorAnswersNotOk: Record<string, number>;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const size = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const num = (x: number): string => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a: number, b: number): string => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–');

const loadLabel = (l: LoadSummary): string => `${l.name.replace(' small', '').replace(' large', '')} ${size(l.bodyBytes)} c=${l.connections}`;

/** The printed table: one row per server and load, and the emulator's figures as ratios to each reference. */
export function formatReport(r: BenchResult): string {
  const cols = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines = [
    `idcard-mock benchmark, ${r.date}, commit ${r.commit}, ${r.machine.cores} × ${r.machine.cpu}, ${r.machine.node}, load generator ${r.loader}`
      + `${r.pinning.servers === undefined ? ', no core pinning' : `, servers on core ${r.pinning.servers}, load generator on core ${r.pinning.loader}`}`,
    `${r.plan.rounds} interleaved round(s), fresh servers for each load, warmed up; medians over rounds; peak RSS = the highest VmHWM during a measured run. ${r.note}`,
    '',
    cols(['load', 'server', 'req/s', 'p50 ms', 'p99 ms', 'peak RSS MB', 'errors']),
    cols(['---', '---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const l of r.loads) {
    const label = loadLabel(l);
    for (const name of ['node:http', 'express', 'idcard-mock'] as const) {
      const f = l.servers[name];
      lines.push(cols([label, name, num(f.rps), num(f.p50Ms), num(f.p99Ms), num(f.peakRssMb), String(f.errors)]));
    }
    const emu = l.servers['idcard-mock'];
    for (const ref of REFERENCES) {
      const f = l.servers[ref];
      lines.push(cols([label, `idcard-mock ÷ ${ref}`, ratio(emu.rps, f.rps), ratio(emu.p50Ms, f.p50Ms), ratio(emu.p99Ms, f.p99Ms), ratio(emu.peakRssMb, f.peakRssMb), '']));
    }
    const shared = l.servers['idcard-mock --state redis'];
    if (shared) {
      lines.push(cols([label, 'idcard-mock --state redis', num(shared.rps), num(shared.p50Ms), num(shared.p99Ms), num(shared.peakRssMb), String(shared.errors)]));
      lines.push(cols([label, 'idcard-mock --state redis ÷ memory', ratio(shared.rps, emu.rps), ratio(shared.p50Ms, emu.p50Ms), ratio(shared.p99Ms, emu.p99Ms), ratio(shared.peakRssMb, emu.peakRssMb), '']));
    }
  }
  const k = r.keptUp;
  if (k) {
    const l = r.loads.find((x) => `${x.name} c=${x.connections}` === k.load);
    const label = l ? loadLabel(l) : k.load;
    lines.push('', cols([`${label}, ${k.rounds} rounds in one process`, 'peak RSS MB over the rounds', 'median req/s', 'errors']), cols(['---', '---:', '---:', '---:']));
    for (const [name, f] of Object.entries(k.servers)) lines.push(cols([name, num(f.peakRssMb), num(median(f.rps)), String(f.errors)]));
    const emu = k.servers['idcard-mock'];
    for (const ref of REFERENCES) {
      const f = k.servers[ref];
      if (emu && f) lines.push(cols([`idcard-mock ÷ ${ref}`, ratio(emu.peakRssMb, f.peakRssMb), ratio(median(emu.rps), median(f.rps)), '']));
    }
  }
  lines.push('', cols(['spawn → first HTTP 200', `median ms (${r.plan.startups} runs)`, '÷ express started the same way', '÷ node:http']), cols(['---', '---:', '---:', '---:']));
  for (const [name, s] of Object.entries(r.startupMs)) {
    const express = r.startupMs[name.endsWith('npm start') ? 'express: npm start' : 'express'];
    lines.push(cols([name, num(s.median), name.startsWith('express') ? '' : ratio(s.median, express?.median ?? NaN), ratio(s.median, r.startupMs['node:http']?.median ?? NaN)]));
  }
  const notOk = Object.entries(r.emulatorAnswersNotOk).map(([k, n]) => `${k} × ${n}`);
  lines.push('', `emulator answers that were not a success during the runs (journal, last 1000 per run): ${notOk.length ? notOk.join('; ') : 'none'}`
    + `${notOk.some((n) => n.includes('Mock.ClientClosedRequest')) ? ' (Mock.ClientClosedRequest: uploads the load generator left unfinished when its time was up)' : ''}`);
  return lines.join('\n');
}
