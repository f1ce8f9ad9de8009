import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { head, parseReply, type RawReply } from '../helpers/rawHttp.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { PROJECT_ID, sdkDate, signRequest } from '../helpers/huaweiSign.ts';
import { acs3Headers } from '../helpers/signedCall.ts';
import type { ApiDefinition } from '../../src/data/types.ts';
import { CLOCK, CLOCK_S, expectAlibabaEnvelope, expectHuaweiEnvelope, expectStillHealthy, expectTencentEnvelope, fuzzSeed, startFuzzServer, type FuzzServer } from './fuzzKit.ts';
import { apis } from './dataArbs.ts';

// Bodies of 0 to 1 MB of random bytes, of any content type, signed and unsigned, at every front door,
// sent by several clients at once, each writing its whole body before it reads (as the SDKs do). What
// the emulator answers early (an unsupported type, a body too large, a wrong method) must still let the
// client finish sending and then read the answer: never EPIPE, ECONNRESET or a hang.
//
// `npm run fuzz` (vitest --mode fuzz, which vitest.config.ts passes on as FUZZ_FULL=1) sends FULL_CASES; `npm run test:slow` CI_CASES. FUZZ_RUNS=N and
// FUZZ_CLIENTS=N override both. The seed is fuzzKit's: pinned, FUZZ_SEED=random explores, FUZZ_SEED=S
// replays a run (the seed is printed on failure).
const FULL_CASES = 5000;
const CI_CASES = 300;
const CLIENTS = Number(process.env.FUZZ_CLIENTS ?? 4);
const CASES = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : process.env.FUZZ_FULL === '1' ? FULL_CASES : CI_CASES;
const SEED = fuzzSeed();
/** Per exchange: the whole upload and the reply; a socket still open after this is a hang. */
const HANG_MS = 15_000;
const MB = 1024 * 1024;

let s: FuzzServer;
beforeAll(async () => { s = await startFuzzServer(); });
afterAll(async () => { await expectStillHealthy(s); s.errors.mockRestore(); await s.close(); });

/**
 * Every front door of the data: each API where its calls arrive (Tencent's and Alibaba's at `/`, named
 * by their headers; a REST API at its action.json path), and a Huawei path no API has.
 */
interface Door { name: string; provider: string; path: string; api?: ApiDefinition }
const DOORS: Door[] = [
  ...apis.map((api) => ({ name: `${api.meta.provider} ${api.meta.action}`, provider: api.meta.provider, path: api.meta.http?.path.replace('{project_id}', PROJECT_ID) ?? '/', api })),
  { name: 'huawei-other', provider: 'huawei', path: `/v1/${PROJECT_ID}/unknown` },
];
const CHECKS: Record<string, (reply: RawReply, method: string) => void> = { tencent: expectTencentEnvelope, huawei: expectHuaweiEnvelope, alibaba: expectAlibabaEnvelope };
const TYPES = ['application/octet-stream', 'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'image/jpeg', ''];

interface Case { door: Door; method: string; type: string; size: number; fill: number; piece: number; signed: boolean; close: boolean }

// Sizes around every limit a front door has (Tencent GET 32 kB, v1 form 1 MB), else anywhere up to 1 MB.
const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: MB }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 32 * 1024, 32 * 1024 + 1, MB - 1, MB, MB + 1) },
);
const caseArb: fc.Arbitrary<Case> = fc.record({
  // Tencent's `/` four times in five, as before the doors came from the data.
  door: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...DOORS.filter((d) => d.provider === 'tencent')) }, { weight: 1, arbitrary: fc.constantFrom(...DOORS.filter((d) => d.provider !== 'tencent')) }),
  method: fc.oneof({ weight: 8, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') }),
  type: fc.constantFrom(...TYPES),
  size,
  fill: fc.integer(),
  // How much the client hands the kernel at a time: all at once, or in pieces as a streaming client does.
  piece: fc.constantFrom(Infinity, 16 * 1024, 64 * 1024, 256 * 1024),
  signed: fc.boolean(),
  close: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** `size` bytes from a seeded xorshift32: a megabyte costs a millisecond, where fast-check's own arrays would cost seconds. */
function randomBytes(size: number, seed: number): Buffer {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = seed | 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer, 0, size);
}

function request(c: Case, body: Buffer): (string | Buffer)[] {
  const host = s.endpoint;
  const headers: Record<string, string | number> = { Host: host };
  if (c.type) headers['Content-Type'] = c.type;
  const api = c.door.api;
  if (c.door.provider === 'tencent') {
    const names = { action: api!.meta.action, version: api!.meta.version, service: api!.meta.service };
    Object.assign(headers, c.signed
      ? tc3Headers({ host, body, contentType: c.type, timestamp: CLOCK_S, ...names })
      : { 'X-TC-Action': names.action, 'X-TC-Version': names.version, 'X-TC-Timestamp': String(CLOCK_S) });
  } else if (c.door.provider === 'alibaba') {
    Object.assign(headers, c.signed
      ? acs3Headers({ host, action: api!.meta.action, version: api!.meta.version, body, contentType: c.type || undefined, nowMs: CLOCK })
      : { 'x-acs-action': api!.meta.action, 'x-acs-version': api!.meta.version });
  } else if (c.signed) {
    Object.assign(headers, { 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': sdkDate(CLOCK) });
    const signed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)]));
    headers.Authorization = signRequest({ method: c.method, path: c.door.path, headers: signed, body });
  } else {
    headers['X-Auth-Token'] = 'MIIfuzztoken';
  }
  headers['Content-Length'] = body.length;
  if (c.close) headers.Connection = 'close';
  return [head(c.method, c.door.path, headers), body];
}

/**
 * The SDKs' way: write the whole request (waiting until the kernel took it), then read one reply,
 * complete by its Content-Length, or what there is when the server closes. A socket error on the way
 * (EPIPE while writing, ECONNRESET) is reported with the reply, a socket open after HANG_MS as a hang.
 */
function exchange(port: number, chunks: (string | Buffer)[], piece: number): Promise<RawReply & { hung?: boolean }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let error: string | undefined;
    let written = false;
    let done = false;
    const finish = (hung = false): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const reply = parseReply(Buffer.concat(received));
      resolve({ status: reply?.status ?? 0, headers: reply?.headers ?? {}, body: reply?.body ?? Buffer.alloc(0), error: error ?? (reply?.complete ? undefined : 'no complete reply'), hung });
    };
    const timer = setTimeout(() => finish(true), HANG_MS);
    const check = (): void => { if (written && parseReply(Buffer.concat(received))?.complete) finish(); };
    socket.on('error', (e: NodeJS.ErrnoException) => { error ??= e.code ?? e.message; });
    socket.on('close', () => finish());
    socket.on('data', (d: Buffer) => { received.push(d); check(); });
    socket.once('connect', async () => {
      socket.pause();
      for (const chunk of chunks) {
        for (let at = 0; at < chunk.length; at += piece) {
          // Each piece once the kernel took the last, after a turn of the event loop, as a client producing its body does.
          if (!await new Promise<boolean>((ok) => socket.write(chunk.slice(at, at + piece), (e) => setImmediate(() => ok(!e))))) return;
        }
      }
      written = true;
      socket.resume();
      check();
    });
  });
}

function describeCase(c: Case): string {
  return `${c.method} ${c.door.path} Content-Type: ${c.type || '(none)'}, ${c.size} bytes (fill ${c.fill}) in pieces of ${c.piece}, ${c.signed ? 'signed' : 'unsigned'}${c.close ? ', Connection: close' : ''}`;
}

describe('concurrent clients: bodies of 0 to 1 MB at every front door', () => {
  it('every provider of the data has its envelope check', () => {
    expect(DOORS.filter((d) => !Object.hasOwn(CHECKS, d.provider)).map((d) => d.name)).toEqual([]);
  });

  it(`${CASES} cases over ${CLIENTS} clients at once: every one answered, none EPIPE, ECONNRESET or hung`, async () => {
    const cases = fc.sample(caseArb, { numRuns: CASES, seed: SEED });
    const failures: string[] = [];
    const broken = { EPIPE: 0, ECONNRESET: 0, hang: 0, other: 0 };
    let next = 0;
    const started = performance.now();
    const client = async (): Promise<void> => {
      while (next < cases.length) {
        const c = cases[next++]!;
        const reply = await exchange(s.port, request(c, randomBytes(c.size, c.fill)), c.piece);
        try {
          if (reply.hung) broken.hang++;
          else if (reply.error === 'EPIPE' || reply.error === 'ECONNRESET') broken[reply.error]++;
          else if (reply.error) broken.other++;
          CHECKS[c.door.provider]!(reply, c.method);
        } catch (e) {
          failures.push(`${describeCase(c)}: ${reply.hung ? 'hung' : ''} ${(e as Error).message.split('\n')[0]}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    if (process.env.FUZZ_STATS) console.log(`concurrent fuzz: ${CASES} cases, ${CLIENTS} clients, ${Math.round(performance.now() - started)} ms`);
    expect(failures, `seed ${SEED} (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${CASES}): ${JSON.stringify(broken)}\n${failures.slice(0, 10).join('\n')}`).toEqual([]);
    expect(broken).toEqual({ EPIPE: 0, ECONNRESET: 0, hang: 0, other: 0 });
  }, 60_000 + CASES * 60);
});
