// Spawn to first answer of the CLI, 5 runs: `node scripts/startup.mjs` (the issue asks for under 1 s).
import { spawn } from 'node:child_process';

const bin = new URL('../bin/idcard-mock.js', import.meta.url).pathname;
const times = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(out.split('\n')[0].replace('idcard-mock listening on ', ''));
    });
  });
  const res = await fetch(`${url}/__mock/health`);
  if (!res.ok) throw new Error(`health answered ${res.status}`);
  times.push(Math.round(performance.now() - t0));
  child.kill();
}
console.log(`spawn → first 200 from /__mock/health (ms): ${times.join(', ')}`);
