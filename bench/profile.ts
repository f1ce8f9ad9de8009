// `npm run bench:profile [-- --load small|large|huawei] [--connections N] [--seconds S] [--server idcard-mock|express|node:http] [--args 'more emulator flags']`: one load
// against the emulator started with `node --cpu-prof`, then the functions that took the most CPU, by
// self time and by inclusive time. The .cpuprofile is kept (its path is printed) for Chrome DevTools.
// It is how the hot path was found; the benchmark itself (`npm run bench`) gives the figures.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { largePng, smallPng } from './lib/images.ts';
import { hasWrk, runLoad } from './lib/loaders.ts';
import { choosePinning, cpuTicks, startServerProcess, stopProcess } from './lib/processes.ts';
import { credentialsFile, huaweiIdCard, idCardOcr, tryOnce } from './lib/requests.ts';
import { summarizeProfile } from './lib/summarizeProfile.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { load: { type: 'string', default: 'small' }, connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '5' }, server: { type: 'string', default: 'idcard-mock' }, args: { type: 'string', default: '' } } });
const work = mkdtempSync(join(tmpdir(), 'idcard-mock-profile-'));
const credentials = join(work, 'credentials.json');
writeFileSync(credentials, credentialsFile());
const pin = choosePinning();
const image = (values.load === 'large' ? largePng() : smallPng()).toString('base64');
const make = (host: string): ReturnType<typeof idCardOcr> => values.load === 'huawei' ? huaweiIdCard(host, image) : idCardOcr(host, image);

// --server express|node:http profiles a reference server under the same load, to compare like with like.
const serverArgs = values.server === 'express' ? ['bench/servers/express.mjs'] : values.server === 'node:http' ? ['bench/servers/node-http.mjs']
  : ['bin/idcard-mock.js', '--auth', 'lenient', '--credentials', credentials, '--no-rate-limit', '--no-request-log', ...values.args.split(' ').filter(Boolean)];
const server = await startServerProcess(process.execPath, ['--cpu-prof', '--cpu-prof-dir', work, ...serverArgs, '--port', '0'], { cpu: pin.servers, cwd: root });
try {
  const request = make(new URL(server.url).host);
  const answer = await tryOnce(server.url, request);
  if (!answer.ok) throw new Error(`not accepted: ${answer.status} ${answer.body}`);
  const ticksBefore = cpuTicks(server.child.pid!);
  const r = await runLoad(hasWrk() ? 'wrk' : 'autocannon', { url: server.url, request, connections: Number(values.connections), durationS: Number(values.seconds), timeoutS: 60, cpu: pin.loader });
  // CPU time per answer is steadier than req/s on a shared machine: other work slows the clock, not the count.
  const ticks = (cpuTicks(server.child.pid!) ?? NaN) - (ticksBefore ?? NaN);
  console.log(`${values.load} c=${values.connections}: ${r.rps.toFixed(1)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${((ticks * 10_000) / r.requests).toFixed(0)} µs of CPU per answer (profiler included)`);
} finally {
  await stopProcess(server.child);
}
const file = readdirSync(work).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${work}`);
console.log(summarizeProfile(join(work, file), 30));
console.log(`profile: ${join(work, file)}`);
