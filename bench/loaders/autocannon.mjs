// The load generator when wrk is not installed: autocannon (a devDependency) in its own process,
// with the same inputs (environment) and the same one-line JSON summary as bench/wrk/signed-request.lua.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [method, path, ...headerLines] = readFileSync(process.env.BENCH_HEAD, 'latin1').split('\n').filter(Boolean);
const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
const result = await autocannon({
  url: `${process.env.BENCH_URL}${path}`,
  method,
  headers,
  body: readFileSync(process.env.BENCH_BODY),
  connections: Number(process.env.BENCH_CONNECTIONS),
  duration: Number(process.env.BENCH_DURATION),
  timeout: Number(process.env.BENCH_TIMEOUT),
});
console.log(JSON.stringify({
  requests: result.requests.total,
  duration_us: Math.round(result.duration * 1e6),
  connect: 0, read: result.errors - result.timeouts, write: 0, status: result.non2xx, timeout: result.timeouts,
  p50_us: Math.round(result.latency.p50 * 1000),
  p99_us: Math.round(result.latency.p99 * 1000),
}));
