// `npm run bench:lifecycle [-- --journal-size N] [--requests N]`: the request lifecycle alone, in this process
// and without sockets: the µs of JavaScript an IDCardOCR 2 kB answer takes (TC3 fully checked, journal kept),
// min and median of five runs after a warm-up. It leaves out what every Node server pays (the HTTP parser, the
// socket writes), so a change to the emulator's own path shows here before `npm run bench:compare`.
import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { createApp, runtimeOf } from '../src/app.ts';
import { frontDoors } from '../src/lifecycle.ts';
import { providers } from '../src/providers/index.ts';
import { smallPng } from './lib/images.ts';
import { credentialsFile, idCardOcr } from './lib/requests.ts';
import { median } from './lib/report.ts';

const { values } = parseArgs({ options: { 'journal-size': { type: 'string', default: '1000' }, requests: { type: 'string', default: '30000' } } });
const pairs = (JSON.parse(credentialsFile()) as { tencent: { secretId: string; secretKey: string }[] }).tencent;
const app = createApp({ auth: 'lenient', credentials: { tencent: new Map(pairs.map((c) => [c.secretId, c.secretKey])) }, rateLimit: false, journalSize: Number(values['journal-size']) });
const doors = frontDoors(runtimeOf(app), providers);
const signed = idCardOcr('127.0.0.1:4600', smallPng().toString('base64'));
const headers = { ...Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])), 'content-length': String(Buffer.byteLength(signed.body)) };
const body = Buffer.from(signed.body);

/** The little of a ServerResponse the lifecycle uses. */
class Response {
  statusCode = 200;
  headersSent = false;
  text = '';
  private readonly headers: Record<string, unknown> = {};
  constructor(readonly done: () => void) {}
  setHeader(k: string, v: unknown): this { this.headers[k.toLowerCase()] = v; return this; }
  getHeaders(): Record<string, unknown> { return { ...this.headers }; }
  end(text: string): void { this.text = text; this.headersSent = true; this.done(); }
  destroy(): void { this.done(); }
}

async function answer(): Promise<string> {
  const req = Object.assign(new EventEmitter(), { headers, method: 'POST', url: '/', complete: false });
  let res!: Response;
  const ended = new Promise<void>((resolve) => { res = new Response(resolve); });
  doors(req as never, res as never, () => { throw new Error('no provider took the request'); });
  req.emit('data', body);
  req.complete = true;
  req.emit('end');
  await ended;
  return res.text;
}

const first = JSON.parse(await answer()) as { Response: { Error?: unknown } };
if (first.Response.Error) throw new Error(`not answered: ${JSON.stringify(first.Response.Error)}`);
const n = Number(values.requests);
for (let i = 0; i < n; i++) await answer();
const runs: number[] = [];
for (let k = 0; k < 5; k++) {
  const t = performance.now();
  for (let i = 0; i < n; i++) await answer();
  runs.push(((performance.now() - t) * 1000) / n);
}
console.log(`IDCardOCR 2 kB, journal of ${values['journal-size']}: min ${Math.min(...runs).toFixed(1)} µs, median ${median(runs).toFixed(1)} µs an answer (${runs.map((r) => r.toFixed(1)).join(' ')})`);
