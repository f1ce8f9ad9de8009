import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { ocrPath, sdkDate, signRequest } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// Parallel CI workers share one emulator: 8 callers (4 Tencent SecretIds, 4 Huawei AKs), each bound to
// its own scenario or sequence, send 300 requests each over 64 connections in all. No caller gets an
// answer meant for another, and every sequence position is played exactly once.
const PER_CALLER = 300;
const image = makeCardImage({ seed: 'isolation', width: 320, height: 202 }).toString('base64');
const TENCENT_SEQUENCE = ['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'FailedOperation.IdCardTooSmall', 'FailedOperation.ImageDecodeFailed', 'InternalError'];
const HUAWEI_SEQUENCE = ['AIS.0101', 'AIS.0102', 'AIS.0103', 'AIS.0104', 'AIS.0105'];

interface Caller { id: string; vendor: 'tencent' | 'huawei'; binding?: unknown; expect(outcomes: string[]): void }
const count = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});
const sequenceCounts = (codes: string[]) => ({ ...Object.fromEntries(codes.map((c) => [c, 1])), 'ok:': PER_CALLER - codes.length });

const callers: Caller[] = [
  { id: 'AKID-ISO-0', vendor: 'tencent', binding: { scenario: 'FailedOperation.ImageBlur' }, expect: (o) => expect(count(o)).toEqual({ 'FailedOperation.ImageBlur': PER_CALLER }) },
  { id: 'AKID-ISO-1', vendor: 'tencent', binding: { steps: [...TENCENT_SEQUENCE, {}] }, expect: (o) => expect(count(o)).toEqual(sequenceCounts(TENCENT_SEQUENCE)) },
  { id: 'AKID-ISO-2', vendor: 'tencent', binding: { scenario: 'warning:copy' }, expect: (o) => expect(count(o)).toEqual({ 'ok:-9102': PER_CALLER }) },
  { id: 'AKID-ISO-3', vendor: 'tencent', expect: (o) => expect(count(o)).toEqual({ 'ok:': PER_CALLER }) },
  { id: 'HWAK-ISO-0', vendor: 'huawei', binding: { scenario: 'AIS.0105' }, expect: (o) => expect(count(o)).toEqual({ 'AIS.0105': PER_CALLER }) },
  { id: 'HWAK-ISO-1', vendor: 'huawei', binding: { steps: [...HUAWEI_SEQUENCE, {}] }, expect: (o) => expect(count(o)).toEqual(sequenceCounts(HUAWEI_SEQUENCE)) },
  { id: 'HWAK-ISO-2', vendor: 'huawei', binding: { scenario: 'warning:copy', times: 100 }, expect: (o) => expect(count(o)).toEqual({ 'ok:copy': 100, 'ok:': 200 }) },
  { id: 'HWAK-ISO-3', vendor: 'huawei', expect: (o) => expect(count(o)).toEqual({ 'ok:': PER_CALLER }) },
];

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false, checkResponses: false, journalSize: 8 * PER_CALLER + 100 }); });
afterAll(() => server.close());

function send(agent: Agent, path: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One request of a caller, reduced to what it got: an error code, or `ok:` and the warnings reported. */
async function ask(c: Caller, agent: Agent): Promise<string> {
  if (c.vendor === 'tencent') {
    const body = JSON.stringify({ ImageBase64: image, Config: JSON.stringify({ CopyWarn: true }) });
    const { json } = await send(agent, '/', tc3Headers({ host: server.endpoint, body, secretId: c.id }), body);
    const r = json.Response as { Error?: { Code: string }; AdvancedInfo?: string };
    return r.Error ? r.Error.Code : `ok:${(JSON.parse(r.AdvancedInfo!).WarnInfos as number[]).join(',')}`;
  }
  const body = JSON.stringify({ image, detect_copy: true });
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: server.endpoint, 'X-Sdk-Date': sdkDate(Date.now()) };
  headers.Authorization = signRequest({ method: 'POST', path: ocrPath(), headers, body, ak: c.id });
  const { json } = await send(agent, ocrPath(), headers, body);
  if (json.error_code) return json.error_code as string;
  return `ok:${(json.result as Record<string, unknown>).detect_copy_result === true ? 'copy' : ''}`;
}

describe('isolation of callers sharing one emulator', () => {
  it(`8 callers × ${PER_CALLER} requests over 64 connections: each gets its own answers, sequences exact`, async () => {
    for (const c of callers) {
      if (c.binding) expect((await fetch(`${server.url}/__mock/bindings/${c.id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(c.binding) })).status).toBe(200);
    }
    const agents = callers.map(() => new Agent({ keepAlive: true, maxSockets: 8 }));
    try {
      const outcomes = await Promise.all(callers.map((c, i) => Promise.all(Array.from({ length: PER_CALLER }, () => ask(c, agents[i]!)))));
      callers.forEach((c, i) => c.expect(outcomes[i]!));
      const journal = (await server.runtime.state.journal.list());
      for (const c of callers) expect(journal.filter((j) => j.caller === c.id).length).toBe(PER_CALLER);
    } finally {
      for (const a of agents) a.destroy();
    }
  }, 120_000);
});
