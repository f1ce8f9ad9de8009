import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { SIGNERS } from '../helpers/signedCall.ts';
import { parseCommandLine } from '../../src/cli/parseCommandLine.ts';
import { loadData } from '../../src/data/loadData.ts';
import { DATA_APIS, DATA_SHARE, SOAK_PAIRS, drawCall, seeded, soakCredentials } from '../../bench/lib/soakMix.ts';

// The soak's mix reads its APIs from the data: every API of data.apis is called plainly (its sample
// request, signed as its provider signs, test/helpers/signedCall.ts), so each provider in the data
// needs a signer, a pair in the soak's credentials file, and each of its APIs must answer such a call.
const data = loadData(new URL('../../', import.meta.url).pathname);
const providers = [...new Set([...data.apis.values()].map((a) => a.meta.provider))].sort();

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idcard-mock-soak-mix-'));
  writeFileSync(join(dir, 'credentials.json'), soakCredentials());
  const command = parseCommandLine(['--credentials', join(dir, 'credentials.json'), '--no-rate-limit'], { env: {}, home: dir });
  if (command.name !== 'start') throw new Error('expected the start command');
  server = await startServer({ ...command.config });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the soak mix, from the data', () => {
  it.each(providers)('provider %s: a signer (signedCall.ts SIGNERS), a pair the soak signs with, and the pair in the soak\'s credentials file', (provider) => {
    expect(Object.keys(SIGNERS), `no signer for ${provider} in test/helpers/signedCall.ts`).toContain(provider);
    expect(Object.keys(SOAK_PAIRS), `no soak pair for ${provider} in bench/lib/soakMix.ts`).toContain(provider);
    const stored = (JSON.parse(soakCredentials()) as Record<string, Record<string, string>[]>)[provider] ?? [];
    const [idField, secretField] = data.providers[provider]!.testCredentials.fields;
    expect(stored.map((p) => [p[idField], p[secretField]])).toContainEqual([SOAK_PAIRS[provider]!.id, SOAK_PAIRS[provider]!.secret]);
  });

  it('draws a plain call of every API in the data', () => {
    const rnd = seeded(2);
    const kinds = new Set(Array.from({ length: 3000 }, () => drawCall(rnd, server.endpoint, { token: '', tokenProject: '' }).kind));
    expect(DATA_APIS.map(({ api }) => `data ${api.meta.provider} ${api.meta.action}`).filter((k) => !kinds.has(k))).toEqual([]);
    expect(DATA_APIS.length).toBe(data.apis.size);
  });

  it.each(DATA_APIS.map(({ api }) => [`${api.meta.provider} ${api.meta.action}`, api] as const))('%s: the plain call, fully verified, answers ok (a hosted flow\'s reader: its unknown-token code)', async (name) => {
    // The draw that lands on this API: the share past 100 is spread evenly over DATA_APIS.
    const i = DATA_APIS.findIndex(({ api }) => `${api.meta.provider} ${api.meta.action}` === name);
    const r = 100 + ((i + 0.5) / DATA_APIS.length) * DATA_SHARE;
    const call = drawCall(() => r / (100 + DATA_SHARE), server.endpoint, { token: '', tokenProject: '' });
    expect(call.kind).toBe(`data ${name}`);
    expect(call.expect).toBe(DATA_APIS[i]!.expect);
    expect(await call.send(server.url)).toEqual({ status: DATA_APIS[i]!.api.meta.status ?? 200, code: call.expect });
    const { api } = DATA_APIS[i]!;
    if (api.meta.auth?.length !== 0) expect((await server.runtime.state.journal.list()).at(-1)!.caller, 'signed with the soak pair').toBe(SOAK_PAIRS[api.meta.provider]!.id);
  });
});
