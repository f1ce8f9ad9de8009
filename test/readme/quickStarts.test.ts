import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDocs, allDocsText } from '../helpers/docs.ts';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { writeFixtures } from '../../src/fixtureImages/writeFixtures.ts';
import { createServer, type MockServer } from '../../src/server.ts';
import { ensureCertificate, type Certificate } from '../../src/tls/ensureCertificate.ts';

// The README's Node quick starts, run as a user runs them: the code block copied into quickstart.js in
// an empty folder beside card.jpg, the sample card the README names (written by the fixtures writer, as
// `idcard-mock fixtures --out cards` writes it), `node quickstart.js`, with only the port replaced. The
// SDKs come from this repo's node_modules (NODE_PATH); @huaweicloud/huaweicloud-sdk-ocr, which the npm
// registry does not have, is the stand-in in test/fixtures. What it prints must be the README's output
// block exactly, but for the RequestId, which is new on every request.
const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const everyPage = allDocsText();
const SAMPLE_CARD = 'tencent/IDCardOCR/card_mainland-front.jpg';
const README_PORT = '127.0.0.1:4600';

/** The fenced block right after `<!-- kind:name -->`, in the README or a page of docs/ (the HTTPS outputs are in docs/https.md). */
function block(kind: 'quickstart' | 'output', name: string): string {
  const m = new RegExp(`<!-- ${kind}:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(everyPage);
  if (!m) throw new Error(`README.md and docs/ have no ${kind}:${name} block`);
  return m[1]!;
}

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'idcard-mock-quickstart-'));
  await writeFixtures(join(dir, 'cards'), { only: [SAMPLE_CARD] });
  copyFileSync(join(dir, 'cards', SAMPLE_CARD), join(dir, 'card.jpg'));
  mkdirSync(join(dir, 'node_modules', '@huaweicloud'), { recursive: true });
  symlinkSync(join(root, 'test/fixtures/huaweicloud-sdk-ocr-standin'), join(dir, 'node_modules/@huaweicloud/huaweicloud-sdk-ocr'), 'dir');
}, 30_000);
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(code: string, env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  writeFileSync(join(dir, 'quickstart.js'), code);
  // HOME: the Huawei SDK writes ~/.huaweicloud/application_id on first use.
  // A variable given as undefined is left out, so the caller's own NODE_EXTRA_CA_CERTS cannot leak in.
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, NODE_PATH: join(root, 'node_modules'), HOME: dir, ...env }).filter(([, v]) => v !== undefined));
  const child = spawn(process.execPath, ['quickstart.js'], { cwd: dir, env: childEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** The printed JSON without its RequestId, which is new on every request. */
const withoutRequestId = (json: string): unknown => {
  const { RequestId: _, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
};

describe('the README quick starts', () => {
  it.each(['tencent-node', 'huawei-node', 'alibaba-node', 'alibaba-cloudauth-node', 'tencent-faceid-node'])('%s runs as written and prints what the README shows', async (name) => {
    const { status, stdout, stderr } = await run(block('quickstart', name).replaceAll(README_PORT, server.endpoint));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(withoutRequestId(stdout)).toEqual(withoutRequestId(block('output', name)));
  }, 30_000);

  it('all print the same person, the one on the sample card', () => {
    const tencent = JSON.parse(block('output', 'tencent-node')) as Record<string, string>;
    const huawei = JSON.parse(block('output', 'huawei-node')) as Record<string, string>;
    const alibaba = JSON.parse(block('output', 'alibaba-node')) as Record<string, string>;
    expect([huawei.name, huawei.number, huawei.address]).toEqual([tencent.Name, tencent.IdNum, tencent.Address]);
    expect([alibaba.name, alibaba.idNumber, alibaba.address]).toEqual([tencent.Name, tencent.IdNum, tencent.Address]);
  });

  it('the Huawei front-side output shows the two date checks false, as the README explains', () => {
    expect(JSON.parse(block('output', 'huawei-node')).verification_result).toMatchObject({ valid_date: false, valid_validity_period: false });
  });

  it('no base snippet asks for a scenario; every one names the emulator and the well-known credentials', () => {
    // The README's quick start, and the same programs in the other languages (docs/sdk-*.md).
    const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Documentation'));
    const languages = allDocs().filter((d) => /^docs\/sdk-/.test(d.path)).map((d) => d.text).join('\n');
    // The hosted flow's Node program is in docs/tencent.md (the README links to it).
    const snippets = [...[...`${section}\n${languages}`.matchAll(/```(js|python|go|java)\n([\s\S]*?)```/g)].map((m) => m[2]!), block('quickstart', 'tencent-faceid-node')];
    expect(snippets).toHaveLength(11);
    for (const s of snippets) {
      expect(s).not.toMatch(/mock-scenario/i);
      expect(s).toContain('127.0.0.1:4600');
      expect(s).toMatch(/AKIDMOCKEXAMPLE000000000000000000000|MOCKAKEXAMPLE0000000|LTAIMOCKEXAMPLE000000000/);
    }
  });
});

// The HTTPS page (docs/https.md): the same programs with https in the endpoint, against `--tls`.
describe('the README quick starts over --tls', () => {
  let tlsDir: string;
  let cert: Certificate;
  let tls: MockServer<HttpsServer>;
  let endpoint: string;
  beforeAll(async () => {
    tlsDir = mkdtempSync(join(tmpdir(), 'idcard-mock-quickstart-tls-'));
    cert = await ensureCertificate(tlsDir);
    tls = createServer({ checkResponses: true }, cert).listen(0, '127.0.0.1');
    await once(tls, 'listening');
    endpoint = `127.0.0.1:${(tls.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    tls.closeAllConnections();
    tls.close();
    rmSync(tlsDir, { recursive: true, force: true });
  });

  /** What the HTTPS section tells the reader to change in each quick start. */
  const overHttps = (name: string): string => block('quickstart', name)
    .replace(`endpoint: '${README_PORT}', protocol: 'http://'`, `endpoint: '${README_PORT}', protocol: 'https://'`)
    .replace(`'http://${README_PORT}'`, `'https://${README_PORT}'`)
    .replaceAll(README_PORT, endpoint);

  it.each(['tencent-node', 'huawei-node'])('%s with NODE_EXTRA_CA_CERTS prints the same person', async (name) => {
    const code = overHttps(name);
    expect(code).toContain(`https://`);
    const { status, stdout, stderr } = await run(code, { NODE_EXTRA_CA_CERTS: cert.certPath });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(withoutRequestId(stdout)).toEqual(withoutRequestId(block('output', name)));
  }, 30_000);

  it.each(['tencent-node', 'huawei-node'])('%s without it prints what the README shows and exits 1', async (name) => {
    const { status, stdout, stderr } = await run(overHttps(name), { NODE_EXTRA_CA_CERTS: undefined });
    expect(status).toBe(1);
    expect(stderr.replaceAll(endpoint, README_PORT).trim()).toBe(block('output', `tls-untrusted-${name}`));
    // The Huawei SDK also logs the failed request on stdout, as the README warns.
    if (name === 'huawei-node') expect(stdout).toContain('Some error found');
    else expect(stdout).toBe('');
  }, 30_000);
});
