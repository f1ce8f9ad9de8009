import { afterAll, describe, expect, it } from 'vitest';
import { docText } from './helpers/docs.ts';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseCommandLine } from '../src/cli/parseCommandLine.ts';
import { CONFIG_SCHEMA_PATH, SETTINGS, type CliContext } from '../src/cli/settings.ts';
import { UsageError } from '../src/cli/UsageError.ts';
import type { Command } from '../src/cli/Command.ts';
import { coverageLines, listeningLines, rejectedLines, reloadedLines, stoppedLines } from '../src/cli/startMessages.ts';
import { defaultConfig, packageRoot } from '../src/config.ts';
import type { Certificate } from '../src/tls/ensureCertificate.ts';

const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-cmdline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

const ctx = (env: Record<string, string> = {}): CliContext => ({ env, home: '/home/someone' });

function start(argv: string[], env: Record<string, string> = {}): Extract<Command, { name: 'start' }> {
  const command = parseCommandLine(argv, ctx(env));
  if (command.name !== 'start') throw new Error(`expected start, got ${command.name}`);
  return command;
}

/** The problems a command line is refused with. */
function problems(argv: string[], env: Record<string, string> = {}): string[] {
  try {
    parseCommandLine(argv, ctx(env));
  } catch (e) {
    if (e instanceof UsageError) return e.problems;
    throw e;
  }
  throw new Error('expected a UsageError');
}

describe('settings: one name per setting across flags, variables and the config schema', () => {
  const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as { properties: Record<string, unknown> };

  it('every schema key is a setting and every setting a schema key', () => {
    expect(SETTINGS.map((s) => s.key).sort()).toEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort());
  });

  it('the flag is the key in kebab case (--no-rate-limit is rateLimit: false), the variable in upper snake case', () => {
    const byKey = Object.fromEntries(SETTINGS.map((s) => [s.key, s]));
    expect(byKey.rateLimitPerMinute).toMatchObject({ flag: '--rate-limit-per-minute', env: 'IDCARD_MOCK_RATE_LIMIT_PER_MINUTE', kind: 'integer' });
    expect(byKey.rateLimit).toMatchObject({ flag: '--no-rate-limit', env: 'IDCARD_MOCK_RATE_LIMIT', negated: true });
    expect(byKey.logFormat).toMatchObject({ flag: '--log-format', env: 'IDCARD_MOCK_LOG_FORMAT', arg: 'pretty|json' });
  });

  it('the README names every flag and variable', () => {
    const readme = docText('docs/running.md');
    expect(SETTINGS.flatMap((s) => [s.flag, s.env]).filter((word) => !readme.includes(word))).toEqual([]);
  });
});

describe('parseCommandLine', () => {
  it('no arguments: start with the defaults; `start` names the same command', () => {
    const { config, tlsDir } = start([]);
    const defaults = defaultConfig();
    expect(config).toMatchObject({ port: 4600, host: '127.0.0.1', auth: 'lenient', seed: defaults.seed, rateLimit: true, logFormat: 'pretty', quiet: false });
    expect(tlsDir).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
    expect(start(['start', '--port', '1']).config.port).toBe(1);
  });

  it('defaults ← config file ← environment ← flags', () => {
    const cfg = file('layers.yaml', 'port: 1\nseed: from-file\nauth: off\nlogFormat: json\n');
    expect(start(['--config', cfg]).config).toMatchObject({ port: 1, seed: 'from-file', auth: 'off', logFormat: 'json' });
    expect(start(['--config', cfg], { IDCARD_MOCK_PORT: '2', IDCARD_MOCK_AUTH: 'strict' }).config).toMatchObject({ port: 2, seed: 'from-file', auth: 'strict' });
    expect(start(['--config', cfg, '--port', '3'], { IDCARD_MOCK_PORT: '2' }).config).toMatchObject({ port: 3, seed: 'from-file' });
    // The file may also be named by a variable; the flag wins over it.
    expect(start([], { IDCARD_MOCK_CONFIG: cfg }).config.port).toBe(1);
    expect(start(['--config', file('other.json', '{"port": 5}')], { IDCARD_MOCK_CONFIG: cfg }).config.port).toBe(5);
  });

  it('switches: flags turn them on (--no-rate-limit off), variables take 1/0, true/false, yes/no, on/off; an empty variable is unset', () => {
    expect(start(['--quiet', '--fetch-image-urls', '--strict-register', '--no-rate-limit']).config).toMatchObject({ quiet: true, fetchImageUrls: true, strictRegister: true, rateLimit: false });
    expect(start([], { IDCARD_MOCK_RATE_LIMIT: 'off', IDCARD_MOCK_QUIET: 'yes', IDCARD_MOCK_FETCH_IMAGE_URLS: '1' }).config).toMatchObject({ rateLimit: false, quiet: true, fetchImageUrls: true });
    expect(start([], { IDCARD_MOCK_QUIET: 'false', IDCARD_MOCK_PORT: '' }).config).toMatchObject({ quiet: false, port: 4600 });
    expect(start(['--config', file('switch.yaml', 'rateLimit: false\n')]).config.rateLimit).toBe(false);
  });

  it('--tls: the certificate folder is --tls-dir, or the user cache folder', () => {
    expect(start(['--tls']).tlsDir).toBe('/home/someone/.cache/idcard-mock');
    expect(start(['--tls'], { XDG_CACHE_HOME: '/var/cache/me' }).tlsDir).toBe('/var/cache/me/idcard-mock');
    expect(start(['--tls', '--tls-dir', '/x']).tlsDir).toBe('/x');
    expect(start(['--tls-dir', '/x']).tlsDir).toBeUndefined();
  });

  it('paths in a config file are relative to its folder', () => {
    const creds = file('creds.json', JSON.stringify({ tencent: [{ secretId: 'AKIDFROMFILE', secretKey: 'k' }], huawei: [{ ak: 'AKFROMFILE', sk: 's' }] }));
    const cfg = file('paths.yaml', 'credentials: creds.json\ntls: true\ntlsDir: certs\n');
    const { config, tlsDir } = start(['--config', cfg]);
    expect(config.credentials.tencent?.get('AKIDFROMFILE')).toBe('k');
    expect(config.credentials.huawei?.get('AKFROMFILE')).toBe('s');
    expect(tlsDir).toBe(join(scratch, 'certs'));
    expect(start(['--credentials', creds]).config.credentials.tencent?.has('AKIDFROMFILE')).toBe(true);
  });

  it.each([
    [['--port', 'abc'], {}, '--port must be an integer, got "abc"'],
    [['--port', '70000'], {}, '--port must be at most 65535, got "70000"'],
    [['--port', '1.5'], {}, '--port must be an integer, got "1.5"'],
    [['--rate-limit-per-minute', '0'], {}, '--rate-limit-per-minute must be at least 1, got "0"'],
    [['--auth', 'maybe'], {}, '--auth must be one of lenient, strict, off, got "maybe"'],
    [['--log-format', 'xml'], {}, '--log-format must be one of pretty, json, got "xml"'],
    [['--port'], {}, '--port needs a value'],
    [['--port', '--host', 'x'], {}, '--port needs a value'],
    [['--tls=yes'], {}, '--tls takes no value, got "yes"'],
    [['--seed='], {}, '--seed must not be empty, got ""'],
    [['--prot', '1'], {}, 'unknown option --prot (did you mean --port?); idcard-mock --help lists the options'],
    [['-x'], {}, 'unknown option -x; idcard-mock --help lists the options'],
    [['start', '--quite'], {}, 'unknown option --quite (did you mean --quiet?); idcard-mock start --help lists the options'],
    [['extra'], {}, 'unknown command extra; idcard-mock --help lists the commands'],
    [['--port', '0', 'extra'], {}, 'unexpected argument "extra"; idcard-mock --help lists the commands and options'],
    [['vaildate'], {}, 'unknown command vaildate (did you mean validate?); idcard-mock --help lists the commands'],
    [['validate', 'a', 'b'], {}, 'unexpected argument "b"; idcard-mock validate --help lists the commands and options'],
    [['validate', '--port', '1'], {}, 'unknown option --port; idcard-mock validate --help lists the options'],
    [[], { IDCARD_MOCK_PORT: 'abc' }, 'IDCARD_MOCK_PORT must be an integer, got "abc"'],
    [[], { IDCARD_MOCK_PORT: '99999' }, 'IDCARD_MOCK_PORT must be at most 65535, got "99999"'],
    [[], { IDCARD_MOCK_FLAVOR: 'global' }, 'IDCARD_MOCK_FLAVOR must be one of domestic, intl, got "global"'],
    [[], { IDCARD_MOCK_STRICT_REGISTER: 'sure' }, 'IDCARD_MOCK_STRICT_REGISTER must be 1 or 0 (or true/false, yes/no, on/off), got "sure"'],
    [['--credentials', '/nowhere.json'], {}, '--credentials /nowhere.json: cannot read it (ENOENT)'],
    [[], { IDCARD_MOCK_CREDENTIALS: '/nowhere.json' }, 'IDCARD_MOCK_CREDENTIALS /nowhere.json: cannot read it (ENOENT)'],
  ])('%j %j → %s', (argv, env, message) => {
    expect(problems(argv, env)).toEqual([message]);
  });

  it('an invalid IDCARD_MOCK_PORT is reported as the variable even when --port is also given', () => {
    expect(problems(['--port', '0'], { IDCARD_MOCK_PORT: 'x' })).toEqual(['IDCARD_MOCK_PORT must be an integer, got "x"']);
  });

  it('every problem of every source at once, each naming its source', () => {
    const cfg = file('many.yaml', 'prot: 1\nport: -1\nhost: ""\ntls: "yes"\n');
    expect(problems(['--config', cfg, '--auth', 'x', '--bogus'], { IDCARD_MOCK_SEED: '', IDCARD_MOCK_FLAVOR: 'x' })).toEqual([
      'unknown option --bogus; idcard-mock --help lists the options',
      `${cfg}: unknown key prot (did you mean port?); idcard-mock --help lists the keys`,
      `${cfg}: port must be at least 0, got -1`,
      `${cfg}: host must not be empty, got ""`,
      `${cfg}: tls must be true or false, got "yes"`,
      'IDCARD_MOCK_FLAVOR must be one of domestic, intl, got "x"',
      '--auth must be one of lenient, strict, off, got "x"',
    ]);
  });

  it('a missing --scenarios folder is reported beside the other mistakes, not dropped', () => {
    expect(problems(['--port', 'abc', '--scenarios', '/nowhere', '--flavr', 'x'], { IDCARD_MOCK_AUTH: 'maybe' })).toEqual([
      'unknown option --flavr (did you mean --flavor?); idcard-mock --help lists the options',
      'IDCARD_MOCK_AUTH must be one of lenient, strict, off, got "maybe"',
      '--port must be an integer, got "abc"',
      '--scenarios /nowhere: no such folder',
    ]);
  });

  it('config files: YAML and JSON syntax errors, a top level that is not a mapping, an empty file', () => {
    const yaml = file('syntax.yaml', 'port: 1\n  host: x\n');
    expect(problems(['--config', yaml])[0]).toMatch(new RegExp(`^${yaml}: not valid YAML: .* at line \\d+, column \\d+$`));
    const json = file('syntax.json', '{"port": 1,}');
    expect(problems(['--config', json])[0]).toMatch(new RegExp(`^${json}: not valid JSON \\(.*\\)$`));
    expect(problems(['--config', file('list.yaml', '- 1\n')])).toEqual([`${join(scratch, 'list.yaml')}: must be a mapping of keys to values`]);
    expect(start(['--config', file('empty.yaml', '')]).config.port).toBe(4600);
  });

  it('credentials files: every wrong entry, named through the config key that pointed at it', () => {
    const creds = file('bad-creds.json', JSON.stringify({ tencent: [{ secretId: 'a' }], huawei: {}, other: 1 }));
    const cfg = file('creds.yaml', 'credentials: bad-creds.json\n');
    expect(problems(['--config', cfg])).toEqual([
      `${cfg}: credentials ${creds}: tencent[0] needs string secretId and secretKey`,
      `${cfg}: credentials ${creds}: huawei must be a list`,
      `${cfg}: credentials ${creds}: unknown key other (the providers are alibaba, huawei, tencent)`,
    ]);
  });

  it('unknown IDCARD_MOCK_* variables are warned about, not refused', () => {
    expect(start([], { IDCARD_MOCK_PROT: '1' }).warnings).toEqual(['ignoring IDCARD_MOCK_PROT: not a setting (did you mean IDCARD_MOCK_PORT?); idcard-mock --help lists the variables']);
  });

  it('--help and --version win over everything else on the line', () => {
    expect(parseCommandLine(['--port', 'x', '--help'], ctx())).toMatchObject({ name: 'help' });
    expect(parseCommandLine(['--bogus', '--version'], ctx())).toMatchObject({ name: 'version', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(parseCommandLine(['validate', '-h'], ctx())).toMatchObject({ name: 'help', text: expect.stringMatching(/^Usage: idcard-mock validate/) });
  });

  it('validate: the emulator\'s own data, another data root, or --validate-data (with the options of start)', () => {
    expect(parseCommandLine(['validate'], ctx())).toEqual({ name: 'validate', dataDir: packageRoot, scenarioDirs: [], dir: undefined });
    expect(parseCommandLine(['validate', packageRoot], ctx())).toMatchObject({ name: 'validate', dir: packageRoot });
    expect(parseCommandLine(['--validate-data', '--seed', 's'], ctx())).toEqual({ name: 'validate', dataDir: packageRoot, scenarioDirs: [], dir: undefined });
    expect(problems(['validate', scratch])).toEqual([`validate: ${scratch} has no schemas/ folder; DIR is a folder with schemas/, scenarios/ and keys/`]);
  });

  it('validate --scenarios: the user\'s folders, each checked to exist; --validate-data takes start\'s', () => {
    expect(parseCommandLine(['validate', '--scenarios', scratch, '--scenarios', packageRoot], ctx())).toMatchObject({ name: 'validate', scenarioDirs: [scratch, packageRoot.replace(/\/$/, '')] });
    expect(parseCommandLine(['--validate-data', '--scenarios', scratch], ctx())).toMatchObject({ name: 'validate', scenarioDirs: [scratch] });
    expect(problems(['validate', '--scenarios', '/nowhere'])).toEqual(['--scenarios /nowhere: no such folder']);
  });
});

describe('the scenario engine\'s settings', () => {
  const mine = join(scratch, 'mine');
  const team = join(scratch, 'team');
  mkdirSync(mine, { recursive: true });
  mkdirSync(team, { recursive: true });

  it('--scenarios repeats, in order; the variable separates folders with :, a config file lists them (relative to it)', () => {
    expect(start(['--scenarios', mine, '--scenarios', team]).config.scenarioDirs).toEqual([mine, team]);
    expect(start([], { IDCARD_MOCK_SCENARIOS: `${team}:${mine}:` }).config.scenarioDirs).toEqual([team, mine]);
    expect(start(['--config', file('dirs.yaml', 'scenarios: [mine, team]\n')]).config.scenarioDirs).toEqual([mine, team]);
    // A later source replaces the list, as it does any other setting.
    expect(start(['--scenarios', team], { IDCARD_MOCK_SCENARIOS: mine }).config.scenarioDirs).toEqual([team]);
    expect(start([]).config.scenarioDirs).toEqual([]);
  });

  it('a relative --scenarios folder is made absolute; a missing one is refused, named as typed', () => {
    expect(start(['--scenarios', relative(process.cwd(), mine)]).config.scenarioDirs).toEqual([mine]);
    expect(problems(['--scenarios', mine, '--scenarios', '/nowhere'])).toEqual(['--scenarios /nowhere: no such folder']);
    expect(problems([], { IDCARD_MOCK_SCENARIOS: '/nowhere' })).toEqual(['IDCARD_MOCK_SCENARIOS /nowhere: no such folder']);
    expect(problems(['--config', file('list.json', '{"scenarios": "mine"}')])).toEqual([`${join(scratch, 'list.json')}: scenarios must be a list, got "mine"`]);
  });

  it('--watch, --scenario, --admin-token, --journal-size and --coverage-out reach the config (and the command)', () => {
    const command = start(['--watch', '--scenario', 'photocopy', '--admin-token', 't0k', '--journal-size', '5', '--coverage-out', join(scratch, 'cov.json')]);
    expect(command.watch).toBe(true);
    expect(command.config).toMatchObject({ scenario: 'photocopy', adminToken: 't0k', journalSize: 5, coverageOut: join(scratch, 'cov.json') });
    expect(start([], { IDCARD_MOCK_WATCH: '1', IDCARD_MOCK_SCENARIO: 'blurry', IDCARD_MOCK_JOURNAL_SIZE: '7' })).toMatchObject({ watch: true, config: { scenario: 'blurry', journalSize: 7 } });
    expect(start(['--config', file('cov.yaml', 'coverageOut: cov.json\n')]).config.coverageOut).toBe(join(scratch, 'cov.json'));
    expect(start([])).toMatchObject({ watch: false, config: { scenario: undefined, adminToken: undefined, journalSize: 1000, coverageOut: undefined } });
  });

  it.each([
    [['--journal-size', '0'], '--journal-size must be at least 1, got "0"'],
    [['--scenario='], '--scenario must not be empty, got ""'],
    [['--coverage-out', '/nowhere/cov.json'], '--coverage-out /nowhere/cov.json: its folder does not exist'],
    [['--watch=yes'], '--watch takes no value, got "yes"'],
  ])('%j → %s', (argv, message) => {
    expect(problems(argv)).toEqual([message]);
  });
});

describe('what start prints', () => {
  const certificate = { certPath: '/c/cert.pem', generated: true } as Certificate;

  it('the banner exactly, then the certificate under --tls; an IPv6 host in brackets', () => {
    expect(listeningLines(defaultConfig(), 4600, undefined)).toEqual(['idcard-mock listening on http://127.0.0.1:4600']);
    const [banner, cert] = listeningLines(defaultConfig({ host: '::1' }), 443, certificate);
    expect(banner).toBe('idcard-mock listening on https://[::1]:443');
    expect(cert).toMatch(/^idcard-mock: TLS certificate \/c\/cert\.pem \(made now; .*NODE_EXTRA_CA_CERTS=\/c\/cert\.pem\)$/);
    expect(stoppedLines(defaultConfig())).toEqual(['idcard-mock: stopped']);
  });

  it('nothing with --quiet', () => {
    expect(listeningLines(defaultConfig({ quiet: true }), 4600, certificate)).toEqual([]);
    expect(stoppedLines(defaultConfig({ quiet: true }))).toEqual([]);
    expect(coverageLines(defaultConfig({ quiet: true }), {})).toEqual([]);
    expect(reloadedLines(defaultConfig({ quiet: true }), ['/x.json'])).toEqual([]);
  });

  it('at exit, one line of coverage over every API', () => {
    const api = (covered: number, total: number) => ({ errors: {}, warnings: {}, results: {}, covered, total, percent: 0 });
    expect(coverageLines(defaultConfig(), { 'a:A': api(30, 400), 'b:B': api(7, 12) })).toEqual(['idcard-mock: coverage 37/412 outcomes (9.0 %) over 2 APIs']);
    expect(coverageLines(defaultConfig(), {})).toEqual(['idcard-mock: coverage 0/0 outcomes (100.0 %) over 0 APIs']);
  });

  it('under --watch: what was reloaded, or every problem and that the last good data stays (even with --quiet)', () => {
    expect(reloadedLines(defaultConfig(), ['/s/a.json', '/s/b.yaml'])).toEqual(['idcard-mock: reloaded the data after a change to /s/a.json, /s/b.yaml']);
    expect(rejectedLines(['/s/a.json: not valid JSON (x)'])).toEqual([
      'idcard-mock: /s/a.json: not valid JSON (x)',
      'idcard-mock: kept the last good data (1 problem(s) above); fix the file and save it again',
    ]);
  });
});
