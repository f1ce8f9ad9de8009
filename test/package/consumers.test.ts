import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPackage, repoRoot, run, runBin, scratchProject } from './installedPackage.ts';

// The package as projects use it: installed (the files of package.json `files` and a build), imported
// from CommonJS and ES module projects, in JavaScript and in TypeScript, and the README's vitest and
// node:test examples run there as a user runs them. Each step is a real tsc, node or vitest process:
// slow, so each is bounded by a timeout, and the build is made once for all.
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const example = (path: string): string => readFileSync(join(repoRoot, 'examples', path), 'utf8');
const SDK = 'tencentcloud-sdk-nodejs-ocr';

let work: string;
let pkg: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'idcard-mock-consumers-'));
  pkg = await installPackage(join(work, 'store'));
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A TypeScript user's program: start, bind a sequence, call through the SDK, read the journal. */
const program = `import { startMock, WELL_KNOWN, type Mock } from 'idcard-mock';
import { ocr } from '${SDK}';

async function main(): Promise<void> {
  const mock: Mock = await startMock({ seed: 'consumer' });
  try {
    mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['FailedOperation.ImageBlur', {}] });
    const client = new ocr.v20181119.Client({ credential: WELL_KNOWN.tencent, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } } });
    const first = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' }).then(() => 'ok', (e: { code: string }) => e.code);
    const card = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' });
    const ui = (await fetch(mock.url + '/__mock/ui/')).status;
    console.log(JSON.stringify({ first, idNum: card.IdNum, outcomes: mock.journal().map((e) => e.outcome), ui }));
  } finally {
    await mock.close();
  }
}
main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
`;

/** What the program prints: the bound error first, then a person, both in the journal; the dashboard's files found. */
function expectRun(stdout: string): void {
  const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as { first: string; idNum: string; outcomes: string[]; ui: number };
  expect(out).toMatchObject({ first: 'FailedOperation.ImageBlur', outcomes: ['FailedOperation.ImageBlur', 'ok'], ui: 200 });
  expect(out.idNum).toMatch(/^\d{17}[\dX]$/);
}

const MODULES = ['commonjs', 'node16', 'nodenext'];
const tsconfig = (module: string): string => JSON.stringify({
  // No skipLibCheck: the package's declarations are checked too, with only what a user has installed.
  compilerOptions: { module, target: 'ES2022', strict: true, outDir: `out-${module}`, types: ['node'] },
  files: ['main.ts'],
});

describe('a CommonJS TypeScript project', () => {
  let dir: string;
  beforeAll(() => {
    dir = scratchProject(join(work, 'cjs-ts'), pkg, {
      files: { 'main.ts': program, ...Object.fromEntries(MODULES.map((m) => [`tsconfig.${m}.json`, tsconfig(m)])) },
      devDependencies: [SDK, '@types/node'],
    });
  });

  it(`compiles with module ${MODULES.join(', ')}, and each build runs with node`, async () => {
    // One tsc process for the three (build mode), since most of a compile is reading @types/node.
    await runBin('typescript/bin/tsc', ['-b', ...MODULES.map((m) => `tsconfig.${m}.json`)], dir, 240_000);
    for (const out of await Promise.all(MODULES.map((m) => run(process.execPath, [`out-${m}/main.js`], dir)))) expectRun(out);
  }, 300_000);

  it('runs through tsx in CommonJS mode (which compiles what it requires: ERR_PACKAGE_PATH_NOT_EXPORTED before)', async () => {
    expectRun(await runBin('tsx/dist/cli.mjs', ['main.ts'], dir));
  }, 120_000);
});

describe('JavaScript projects', () => {
  it('CommonJS: the README\'s require() line', async () => {
    const required = readme.split('\n').filter((l) => l.includes("require('idcard-mock')"));
    expect(required).toHaveLength(1);
    const main = `${required[0]}
const { ocr } = require('${SDK}');
startMock({ seed: 'consumer' }).then(async (mock) => {
  mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['FailedOperation.ImageBlur', {}] });
  const client = new ocr.v20181119.Client({ credential: WELL_KNOWN.tencent, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } } });
  const first = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' }).then(() => 'ok', (e) => e.code);
  const card = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' });
  const ui = (await fetch(mock.url + '/__mock/ui/')).status;
  console.log(JSON.stringify({ first, idNum: card.IdNum, outcomes: mock.journal().map((e) => e.outcome), ui }));
  await mock.close();
});
`;
    const dir = scratchProject(join(work, 'cjs-js'), pkg, { files: { 'main.js': main }, devDependencies: [SDK] });
    expectRun(await run(process.execPath, ['main.js'], dir));
  }, 120_000);

  it('ES modules: the README\'s node:test example passes under node --test', async () => {
    expect(readme).toContain(example('node-test/idcard.test.mjs'));
    const dir = scratchProject(join(work, 'esm-js'), pkg, { type: 'module', files: { 'idcard.test.mjs': example('node-test/idcard.test.mjs') }, devDependencies: [SDK] });
    const tap = await run(process.execPath, ['--test', '--test-reporter=tap', 'idcard.test.mjs'], dir);
    expect(tap).toMatch(/^# pass 3$/m);
    expect(tap).toMatch(/^# fail 0$/m);
  }, 120_000);
});

describe('an ES module TypeScript project', () => {
  it('the README\'s vitest example type-checks against the package\'s declarations and passes under vitest', async () => {
    expect(readme).toContain(example('vitest/idcard.test.ts'));
    const dir = scratchProject(join(work, 'esm-ts'), pkg, {
      type: 'module',
      files: { 'idcard.test.ts': example('vitest/idcard.test.ts'), 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'ES2022', strict: true, noEmit: true, types: ['node'] }, files: ['idcard.test.ts'] }) },
      devDependencies: [SDK, '@types/node', 'vitest'],
    });
    await runBin('typescript/bin/tsc', ['-p', '.'], dir);
    const out = await runBin('vitest/vitest.mjs', ['run', '--reporter=verbose'], dir);
    expect(out).toMatch(/Tests\s+3 passed \(3\)/);
  }, 180_000);
});

describe('the installed bin', () => {
  it('runs the build, or the sources through tsx when one is newer than the build', async () => {
    const bin = join(pkg, 'bin', 'idcard-mock.js');
    const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
    expect((await run(process.execPath, [bin, '--version'], work)).trim()).toBe(version);
    // A checkout edited after its build: the edit wins (here a stand-in cli.ts says where it ran from).
    writeFileSync(join(pkg, 'src', 'cli.ts'), "const from: string = 'source';\nconsole.log(from);\n");
    try {
      expect((await run(process.execPath, [bin, '--version'], work)).trim()).toBe('source');
      const later = new Date(Date.now() + 60_000);
      utimesSync(join(pkg, 'dist', 'cli.js'), later, later);
      expect((await run(process.execPath, [bin, '--version'], work)).trim()).toBe(version);
    } finally {
      rmSync(join(pkg, 'src', 'cli.ts'));
    }
  }, 120_000);
});
