import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { faceidClient, ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// Scenario files as a user meets them: the CLI spawned with --port 0 and its banner read, folders of
// their own (--scenarios), edits picked up under --watch, a broken file at boot, --scenario and
// --coverage-out. Nothing here waits on a timer: each step waits for a line the CLI prints.
const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/idcard-mock.js');
const SPAWN_TIMEOUT = 30_000;
const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-scenario-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const image = makeCardImage({ seed: 'scenario-files' }).toString('base64');

/** Writes a file below the scratch folder, making its folders. */
function put(rel: string, text: string): string {
  const path = join(scratch, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** The CLI as a user runs it; `until` resolves once stdout or stderr (all of it so far) satisfies a test. */
function run(args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDCARD_MOCK_')));
  const child = spawn(process.execPath, [bin, ...args], { env, cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  const text = { out: '', err: '' };
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const check = (): void => {
    for (const w of [...waiters]) if (w.test()) { waiters.splice(waiters.indexOf(w), 1); w.resolve(); }
  };
  child.stdout.on('data', (d) => { text.out += d; check(); });
  child.stderr.on('data', (d) => { text.err += d; check(); });
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, ...text }));
  const until = (test: (t: { out: string; err: string }) => boolean): Promise<void> => new Promise((resolve, reject) => {
    if (test(text)) return resolve();
    waiters.push({ test: () => test(text), resolve });
    void exited.then(() => reject(new Error(`the CLI exited first:\n${text.out}${text.err}`)));
  });
  return { child, text, until, exited };
}

/** Starts the CLI on any free port and resolves with its endpoint (`127.0.0.1:P`) once the banner is out. */
async function serve(args: string[]) {
  const r = run(['--port', '0', ...args]);
  await r.until((t) => /listening on http:\/\/\S+\n/.test(t.out));
  const endpoint = /listening on http:\/\/(\S+)\n/.exec(r.text.out)![1]!;
  return { ...r, endpoint, url: `http://${endpoint}` };
}

/** How many times `line` starts a line of `text`. */
const count = (text: string, line: string): number => text.split('\n').filter((l) => l.startsWith(line)).length;

describe('--scenarios folders and --watch', { timeout: SPAWN_TIMEOUT }, () => {
  const mine = join(scratch, 'mine');
  put('mine/tencent/ocr/IDCardOCR/busy.yaml', [
    '# yaml-language-server: $schema=../../../../../../schemas/_meta/scenario.schema.json',
    'description: The OCR back end is busy',
    'error: FailedOperation.OcrFailed',
    '',
  ].join('\n'));
  // Same name as the built-in scenarios/tencent/ocr/IDCardOCR/photocopy.json (-9102, -9108): this one replaces it.
  const photocopy = put('mine/tencent/ocr/IDCardOCR/photocopy.yml', 'description: our photocopy is a reshoot\nwarnings: ["-9103"]\n');
  put('mine/tencent/ocr/IDCardOCR/pinned.yaml', [
    'description: a pinned person with a copy warning',
    'warnings: [copy]          # the shared name: -9102 on IDCardOCR',
    'response:',
    '  IdNum: "110101198003074413"',
    '',
  ].join('\n'));
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => { server = await serve(['--watch', '--scenarios', mine]); }, SPAWN_TIMEOUT);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });
  const ask = (scenario: string, Config?: string) => ocrClient(server.endpoint, { headers: { 'X-Mock-Scenario': scenario } }).IDCardOCR({ ImageBase64: image, Config });

  it('a YAML scenario answers through the Tencent Node SDK', async () => {
    expect((await sdkError(ask('busy'))).code).toBe('FailedOperation.OcrFailed');
    const r = await ask('pinned', JSON.stringify({ CopyWarn: true }));
    expect(r.IdNum).toBe('110101198003074413');
    expect(r.Birth).toBe('1980/3/7');
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9102]);
  });

  it('a file of the same name in a user folder replaces the built-in one, and is listed with its path', async () => {
    const r = await ask('photocopy', JSON.stringify({ CopyWarn: true, ReshootWarn: true }));
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9103]);
    const listed = (await (await fetch(`${server.url}/__mock/scenarios`)).json()) as Record<string, { name: string; source: string }[]>;
    expect(listed['tencent:IDCardOCR']!.filter((s) => s.name === 'photocopy')).toEqual([expect.objectContaining({ source: photocopy })]);
  });

  /** Writes a file of the watched folder and waits until the CLI says it reloaded the data, or kept the last good data. */
  async function edit(path: string, text: string, then: 'reloaded' | 'kept'): Promise<void> {
    const said = (t: { out: string; err: string }): number => (then === 'reloaded'
      ? t.out.split('\n').filter((l) => l.startsWith('idcard-mock: reloaded the data after a change to') && l.includes(path)).length
      : count(t.err, 'idcard-mock: kept the last good data'));
    const before = said(server.text);
    writeFileSync(path, text);
    await server.until((t) => said(t) > before);
  }

  // The two tests below edit files of their own, so that each holds whatever ran before it.
  it('--watch picks up an edited file', async () => {
    const edited = join(mine, 'tencent/ocr/IDCardOCR/edited.yaml');
    await edit(edited, 'description: The OCR back end is busy\nerror: FailedOperation.OcrFailed\n', 'reloaded');
    expect((await sdkError(ask('edited'))).code).toBe('FailedOperation.OcrFailed');
    await edit(edited, 'description: The photo is blurry now\nerror: FailedOperation.ImageBlur\n', 'reloaded');
    expect((await sdkError(ask('edited'))).code).toBe('FailedOperation.ImageBlur');
  });

  it('a broken file under --watch keeps the last good set and logs the path and the problem', async () => {
    const draft = join(mine, 'tencent/ocr/IDCardOCR/draft.yaml');
    await edit(draft, 'description: blurry\nerror: FailedOperation.ImageBlur\n', 'reloaded');
    try {
      await edit(draft, 'description: half-typed\nerror: [FailedOperation.ImageBlur\n', 'kept');
      expect(server.text.err).toMatch(new RegExp(`^idcard-mock: ${draft}: not valid YAML: .* at line \\d+, column \\d+$`, 'm'));
      expect((await sdkError(ask('draft'))).code).toBe('FailedOperation.ImageBlur');
      expect((await sdkError(ask('busy'))).code).toBe('FailedOperation.OcrFailed');
      expect(JSON.parse((await ask('photocopy', JSON.stringify({ ReshootWarn: true }))).AdvancedInfo!).WarnInfos).toEqual([-9103]);
    } finally {
      // Repaired, so that the folder loads again for whatever runs next.
      await edit(draft, 'description: blurry\nerror: FailedOperation.ImageBlur\n', 'reloaded');
    }
  });
});

describe('a broken scenario file at boot', { timeout: SPAWN_TIMEOUT }, () => {
  it('stops the start with exit code 2, listing every problem with its path', async () => {
    const notJson = put('broken/tencent/ocr/IDCardOCR/typo.json', '{ "description": "x", }');
    const badField = put('broken/tencent/ocr/IDCardOCR/slow.yaml', 'description: slow\nlatencyMs: forever\n');
    const { code, out, err } = await run(['--port', '0', '--scenarios', join(scratch, 'broken')]).exited;
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^idcard-mock: \d+ problem\(s\) in the data files:\n/);
    expect(err).toContain(`  - ${notJson}: not valid JSON (`);
    expect(err).toContain(`  - ${badField}: /latencyMs must be an integer or a mapping of keys to values, got "forever"\n`);
  });
});

describe('--scenario and --coverage-out', { timeout: SPAWN_TIMEOUT }, () => {
  it('--scenario NAME makes every request answer it, also after a reset; --coverage-out writes the report on SIGTERM', async () => {
    const out = join(scratch, 'coverage.json');
    const server = await serve(['--scenario', 'RequestLimitExceeded', '--coverage-out', out]);
    try {
      expect((await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image }))).code).toBe('RequestLimitExceeded');
      expect((await sdkError(faceidClient(server.endpoint).IdCardOCRVerification({ ImageBase64: image }))).code).toBe('RequestLimitExceeded');
      expect((await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).status).toBe(200);
      expect((await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image }))).code).toBe('RequestLimitExceeded');
    } finally {
      server.child.kill('SIGTERM');
    }
    const { code, out: stdout } = await server.exited;
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Record<string, { errors: Record<string, boolean>; covered: number; total: number }>;
    // The reset cleared the first two; the third request is what the report holds.
    expect(report['tencent:IDCardOCR']!.errors.RequestLimitExceeded).toBe(true);
    expect(report['tencent:IdCardOCRVerification']!.errors.RequestLimitExceeded).toBe(false);
    const lines = stdout.trim().split('\n');
    const total = Object.values(report).reduce((n, a) => n + a.total, 0);
    expect(lines.slice(-2)).toEqual([`idcard-mock: coverage 1/${total} outcomes (${(100 / total).toFixed(1)} %) over ${Object.keys(report).length} APIs`, 'idcard-mock: stopped']);
  });
});
