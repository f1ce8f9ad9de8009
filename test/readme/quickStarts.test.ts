import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { isValidIdNumber } from '../../src/identity/index.ts';

// The README's Node quick starts, run as a user runs them: the code block copied into quickstart.js in
// an empty folder beside a card.jpg, `node quickstart.js`, with only the port replaced. The SDKs come from
// this repo's node_modules (NODE_PATH); @huaweicloud/huaweicloud-sdk-ocr, which the npm registry does not
// have, is the stand-in in test/fixtures. What it prints must have the shape of the README's output block.
const root = new URL('../../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The fenced block right after `<!-- kind:name -->`. */
function block(kind: 'quickstart' | 'output', name: string): string {
  const m = new RegExp(`<!-- ${kind}:${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md has no ${kind}:${name} block`);
  return m[1]!;
}

let server: TestServer;
let dir: string;
beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'idcard-mock-quickstart-'));
  writeFileSync(join(dir, 'card.jpg'), makeCardImage({ seed: 'readme-quickstart' }));
  mkdirSync(join(dir, 'node_modules', '@huaweicloud'), { recursive: true });
  symlinkSync(join(root, 'test/fixtures/huaweicloud-sdk-ocr-standin'), join(dir, 'node_modules/@huaweicloud/huaweicloud-sdk-ocr'), 'dir');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(code: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  writeFileSync(join(dir, 'quickstart.js'), code.replaceAll('127.0.0.1:4600', server.endpoint));
  // HOME: the Huawei SDK writes ~/.huaweicloud/application_id on first use.
  const child = spawn(process.execPath, ['quickstart.js'], { cwd: dir, env: { ...process.env, NODE_PATH: join(root, 'node_modules'), HOME: dir } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** The same keys, and each value of the same JSON type, recursively. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shape(v[0])] : [];
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

describe('the README quick starts', () => {
  it.each(['tencent-node', 'huawei-node'])('%s runs as written and prints what the README shows', async (name) => {
    const { status, stdout, stderr } = await run(block('quickstart', name));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(shape(printed)).toEqual(shape(JSON.parse(block('output', name))));
    expect(isValidIdNumber(String(printed.IdNum ?? printed.number))).toBe(true);
  }, 30_000);

  it('the Huawei front-side output shows the two date checks false, as the README explains', () => {
    expect(JSON.parse(block('output', 'huawei-node')).verification_result).toMatchObject({ valid_date: false, valid_validity_period: false });
  });

  it('no base snippet asks for a scenario; every one names the emulator and the well-known credentials', () => {
    const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Asking for an outcome'));
    const snippets = [...section.matchAll(/```(js|python|go|java)\n([\s\S]*?)```/g)].map((m) => m[2]!);
    expect(snippets).toHaveLength(6);
    for (const s of snippets) {
      expect(s).not.toMatch(/mock-scenario/i);
      expect(s).toContain('127.0.0.1:4600');
      expect(s).toMatch(/AKIDMOCKEXAMPLE000000000000000000000|MOCKAKEXAMPLE0000000/);
    }
  });
});
