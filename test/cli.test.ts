import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tc3Headers } from './helpers/signTc3.ts';
import { WELL_KNOWN } from './helpers/wellKnown.ts';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'bin/idcard-mock.js');
// A few spawned Node starts per test, on a shared 2-core machine. The tests of a group run at once (each
// spawns its own CLI on its own port and files), but not those that time how fast a stop is.
const SPAWN_TIMEOUT = 30_000;
const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file in this run's scratch folder. */
function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** The environment of the test runner without IDCARD_MOCK_* variables, so that only what a test sets counts. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('IDCARD_MOCK_')));
  return { ...base, ...env };
}

/** Runs the CLI as a user would; `firstLine` resolves with the first stdout line (or what there is at exit). */
function run(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [bin, ...args], { env: cleanEnv(env), cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  const firstLine = new Promise<string>((resolve) => {
    child.stdout.on('data', () => { if (out.includes('\n')) resolve(out.split('\n')[0]!); });
    child.once('exit', () => resolve(out.split('\n')[0]!));
  });
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, out, err }));
  return { child, firstLine, exited, output: () => ({ out, err }) };
}

/** Runs a command that ends by itself. */
function runToExit(args: string[], env: Record<string, string> = {}) {
  return run(args, env).exited;
}

/** Starts a server with the given arguments, hands its URL to `use`, then stops it with SIGTERM. */
async function withServer(args: string[], env: Record<string, string>, use: (url: string, r: ReturnType<typeof run>) => Promise<void>) {
  const r = run(['--port', '0', ...args], env);
  const line = await r.firstLine;
  try {
    expect(line, r.output().err).toMatch(/^idcard-mock listening on https?:\/\/127\.0\.0\.1:\d+$/);
    await use(line.replace('idcard-mock listening on ', ''), r);
  } finally {
    r.child.kill('SIGTERM');
    await r.exited;
  }
}

async function health(url: string): Promise<{ status: string; auth: string; flavor: string }> {
  const res = await fetch(`${url}/__mock/health`);
  expect(res.status).toBe(200);
  return (await res.json()) as { status: string; auth: string; flavor: string };
}

describe('idcard-mock start', { timeout: SPAWN_TIMEOUT, concurrent: true }, () => {
  it('prints exactly `idcard-mock listening on http://HOST:P`, answers health, and says when stopped', async () => {
    const started = Date.now();
    let elapsed = 0;
    const r = run(['--port', '0', '--seed', 'cli-test']);
    const line = await r.firstLine;
    elapsed = Date.now() - started;
    expect(line).toMatch(/^idcard-mock listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(await health(line.replace('idcard-mock listening on ', ''))).toMatchObject({ status: 'ok' });
    // Under 1 s to the first answer is the aim; CI machines vary, so this guards against regressions only.
    expect(elapsed).toBeLessThan(5000);
    r.child.kill('SIGTERM');
    const { code, out } = await r.exited;
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('idcard-mock: stopped');
  });

  it('takes its defaults from the environment', async () => {
    await withServer([], { IDCARD_MOCK_AUTH: 'off', IDCARD_MOCK_FLAVOR: 'intl' }, async (url) => {
      expect(await health(url)).toMatchObject({ auth: 'off', flavor: 'intl' });
    });
  });

  it('--config takes YAML', async () => {
    const file = scratchFile('config.yaml', '# settings for CI\nport: 0\nauth: strict\nflavor: intl\nrateLimit: false\n');
    await withServer(['--config', file], {}, async (url) => {
      expect(await health(url)).toMatchObject({ auth: 'strict', flavor: 'intl' });
    });
  });

  it('--config takes JSON; variables override the file and flags override both', async () => {
    const file = scratchFile('config.json', JSON.stringify({ $schema: '../schemas/_meta/config.schema.json', port: 0, auth: 'off', flavor: 'intl' }));
    await withServer(['--flavor', 'domestic'], { IDCARD_MOCK_CONFIG: file, IDCARD_MOCK_AUTH: 'strict', IDCARD_MOCK_FLAVOR: 'intl' }, async (url) => {
      expect(await health(url)).toMatchObject({ auth: 'strict', flavor: 'domestic' });
    });
  });

  it('--tls serves HTTPS and prints where its certificate is', async () => {
    const dir = join(scratch, 'tls');
    await withServer(['--tls', '--tls-dir', dir], {}, async (url, r) => {
      expect(url).toMatch(/^https:/);
      const second = await new Promise<string>((resolve) => {
        const check = (): void => { const lines = r.output().out.split('\n'); if (lines.length > 2) resolve(lines[1]!); };
        r.child.stdout.on('data', check);
        check();
      });
      expect(second).toContain(`TLS certificate ${join(dir, 'cert.pem')} (made now;`);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        get(`${url}/__mock/health`, { ca: readFileSync(join(dir, 'cert.pem')) }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', reject);
      });
      expect(status).toBe(200);
    });
  });
});

/**
 * Holds three connections open on a started CLI, none of which would end by itself: a signed call
 * bound to a `hang` fault, sent by a client without a timeout; an event stream (an open dashboard);
 * an upload that stopped half-way. Resolves once the emulator holds all three.
 */
async function holdConnections(url: string): Promise<void> {
  const host = new URL(url).host;
  const put = await fetch(`${url}/__mock/bindings/${WELL_KNOWN.tencent.secretId}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ steps: [{ fault: 'hang' }] }) });
  expect(put.status).toBe(200);
  const body = '{"ImageBase64":"AAAA"}';
  request(`${url}/`, { method: 'POST', headers: tc3Headers({ host, body }) }).on('error', () => { /* cut at the stop */ }).end(body);
  await expect.poll(async () => ((await (await fetch(`${url}/__mock/journal`)).json()) as { outcome: string }[]).map((e) => e.outcome)).toContain('fault:hang');
  await new Promise<void>((resolve, reject) => {
    request(`${url}/__mock/events`, (res) => { res.once('data', () => resolve()); res.on('error', () => { /* cut at the stop */ }); }).on('error', reject).end();
  });
  const upload = connect(Number(new URL(url).port), '127.0.0.1');
  upload.on('error', () => { /* cut at the stop */ });
  upload.write(`POST / HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"Image`);
}

describe('stopping', { timeout: SPAWN_TIMEOUT }, () => {
  it('SIGTERM ends the CLI within 2 s with a hung call, an event stream and a stalled upload open, and writes the coverage report', async () => {
    const out = join(scratch, 'stop-coverage.json');
    const r = run(['--port', '0', '--coverage-out', out]);
    const line = await r.firstLine;
    expect(line, r.output().err).toMatch(/^idcard-mock listening on /);
    await holdConnections(line.replace('idcard-mock listening on ', ''));
    const signalled = performance.now();
    r.child.kill('SIGTERM');
    const { code, out: stdout } = await r.exited;
    expect(performance.now() - signalled).toBeLessThan(2000);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')) as object)).toContain('tencent:IDCardOCR');
    expect(stdout.trim().split('\n').slice(-2)).toEqual([expect.stringMatching(/^idcard-mock: coverage \d+\/\d+ outcomes/), 'idcard-mock: stopped']);
  });

  it('a second signal stops it at once, without waiting for the connections to be cut', async () => {
    const r = run(['--port', '0']);
    const line = await r.firstLine;
    await holdConnections(line.replace('idcard-mock listening on ', ''));
    const signalled = performance.now();
    // Two different signals: two of the same sent at once may reach the process as one.
    r.child.kill('SIGTERM');
    r.child.kill('SIGINT');
    const { code, out } = await r.exited;
    // The first signal alone waits a second (src/cli.ts CUT_AFTER_MS) before it cuts the hung call.
    expect(performance.now() - signalled).toBeLessThan(1000);
    expect(code).toBe(0);
    expect(out.trim().split('\n').at(-1)).toBe('idcard-mock: stopped');
  });
});

// Each spawn costs a Node start of the CLI (about 0.5 s from the build, longer through tsx when src/ is newer); the full table of messages is in cliCommandLine.test.ts,
// in-process. Here: that the CLI prints each problem as one line on stderr, nothing on stdout, and exits 2.
describe('errors in what the user typed: one line naming it, exit code 2', { timeout: SPAWN_TIMEOUT, concurrent: true }, () => {
  it.each([
    [['--auth', 'maybe'], {}, 'idcard-mock: --auth must be one of lenient, strict, off, got "maybe"'],
    [['--prot', '1'], {}, 'idcard-mock: unknown option --prot (did you mean --port?); idcard-mock --help lists the options'],
    [['--state', 'postgres://db'], {}, 'idcard-mock: --state must match pattern "^(memory|rediss?://[^\\s]+)$", got "postgres://db"'],
    // Nothing listens on port 1: exit 2 before listening, the password masked.
    [['--port', '0'], { IDCARD_MOCK_STATE: 'redis://me:hunter2@127.0.0.1:1/0' }, 'idcard-mock: cannot reach the state store redis://me:***@127.0.0.1:1/0: connect ECONNREFUSED 127.0.0.1:1'],
  ] as const)('%j %j', async (args, env, message) => {
    const { code, out, err } = await runToExit([...args], env);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toBe(`${message}\n`);
  });

  it('an invalid IDCARD_MOCK_PORT names the variable, not --port', async () => {
    const { code, err } = await runToExit(['--seed', 'x'], { IDCARD_MOCK_PORT: '-1' });
    expect(code).toBe(2);
    expect(err).toBe('idcard-mock: IDCARD_MOCK_PORT must be at least 0, got "-1"\n');
  });

  it('a config file: every unknown key and wrong value at once, each as `FILE: key`', async () => {
    const file = scratchFile('bad.yaml', 'prot: 4600\nport: high\nquiet: 3\n');
    const { code, err } = await runToExit(['--config', file, '--auth', 'maybe']);
    expect(code).toBe(2);
    expect(err.trim().split('\n').sort()).toEqual([
      `idcard-mock: --auth must be one of lenient, strict, off, got "maybe"`,
      `idcard-mock: ${file}: port must be an integer, got "high"`,
      `idcard-mock: ${file}: quiet must be true or false, got 3`,
      `idcard-mock: ${file}: unknown key prot (did you mean port?); idcard-mock --help lists the keys`,
    ]);
  });
});

describe('--version and --help', { timeout: SPAWN_TIMEOUT, concurrent: true }, () => {
  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await runToExit(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('--help lists the commands and every option with its variable; each command has its own', async () => {
    const main = await runToExit(['--help']);
    expect(main.code).toBe(0);
    for (const word of ['idcard-mock validate [DIR]', '--version', '--config FILE', '--port N', 'IDCARD_MOCK_PORT', '--log-format pretty|json', '--quiet', '--tls', '--tls-dir DIR', 'IDCARD_MOCK_TLS_DIR', '--scenarios DIR', '--watch', '--scenario NAME', '--coverage-out FILE', 'IDCARD_MOCK_SCENARIOS']) {
      expect(main.out).toContain(word);
    }
    const validate = await runToExit(['validate', '--help']);
    expect(validate.out).toMatch(/^Usage: idcard-mock validate \[DIR\] \[--scenarios FOLDER\]\.\.\.\n/);
    expect(validate.out).not.toContain('--port');
    const start = await runToExit(['start', '-h']);
    expect(start.out).toMatch(/^Usage: idcard-mock \[start\] \[options\]\n/);
  });
});

describe('idcard-mock validate', { timeout: SPAWN_TIMEOUT, concurrent: true }, () => {
  it('reports the emulator\'s own data as checked (and so does the --validate-data alias)', async () => {
    for (const args of [['validate'], ['--validate-data']]) {
      const { code, out, err } = await runToExit(args);
      expect(err).toBe('');
      expect(code).toBe(0);
      expect(out).toMatch(/^idcard-mock: data OK \(\d+ APIs, \d+ scenarios\)\n$/);
    }
  });

  it('checks another data root, and names the broken file in it', async () => {
    const dir = join(scratch, 'data');
    for (const d of ['schemas', 'scenarios', 'keys']) cpSync(join(root, d), join(dir, d), { recursive: true });
    const good = await runToExit(['validate', dir]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(new RegExp(`^idcard-mock: data OK \\(\\d+ APIs, \\d+ scenarios\\) in ${dir}\\n$`));

    writeFileSync(join(dir, 'scenarios/tencent/ocr/IDCardOCR/broken.json'), '{ not json');
    const bad = await runToExit(['validate', dir]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${dir}/scenarios/tencent/ocr/IDCardOCR/broken.json: not valid JSON`);
  });

  it('a folder without data is a usage error', async () => {
    const { code, err } = await runToExit(['validate', scratch]);
    expect(code).toBe(2);
    expect(err).toBe(`idcard-mock: validate: ${scratch} has no schemas/ folder; DIR is a folder with schemas/, scenarios/ and keys/\n`);
  });
});
