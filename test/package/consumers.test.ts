import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../helpers/docs.ts';
import { installPackage, repoRoot, run, runBin, scratchProject } from './installedPackage.ts';
import { createApp, runtimeOf } from '../../src/app.ts';
import { DataError } from '../../src/data/loadData.ts';
import { skeletonOf } from '../../src/pipeline/buildResponse.ts';
import type { ApiDefinition } from '../../src/data/types.ts';

// The package as projects use it: installed (the files of package.json `files` and a build), imported
// from CommonJS and ES module projects, in JavaScript and in TypeScript, and the vitest and
// node:test examples run there as a user runs them. Each step is a real tsc, node or vitest process:
// slow, so each is bounded by a timeout, and the build is made once for all.
const readme = docText('docs/startMock.md');
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
    await mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['FailedOperation.ImageBlur', {}] });
    const client = new ocr.v20181119.Client({ credential: WELL_KNOWN.tencent, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } } });
    const first = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' }).then(() => 'ok', (e: { code: string }) => e.code);
    const card = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' });
    const ui = (await fetch(mock.url + '/__mock/ui/')).status;
    console.log(JSON.stringify({ first, idNum: card.IdNum, outcomes: (await mock.journal()).map((e) => e.outcome), ui }));
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
  await mock.bind(WELL_KNOWN.tencent.secretId, { steps: ['FailedOperation.ImageBlur', {}] });
  const client = new ocr.v20181119.Client({ credential: WELL_KNOWN.tencent, region: 'ap-guangzhou', profile: { httpProfile: { endpoint: mock.endpoint, protocol: 'http://' } } });
  const first = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' }).then(() => 'ok', (e) => e.code);
  const card = await client.IDCardOCR({ ImageUrl: 'https://example.com/a.jpg' });
  const ui = (await fetch(mock.url + '/__mock/ui/')).status;
  console.log(JSON.stringify({ first, idNum: card.IdNum, outcomes: (await mock.journal()).map((e) => e.outcome), ui }));
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

// The build precompiles the shipped schemas (src/writePrecompiled.ts): a start of the installed build on
// them compiles nothing, and answers as the sources (which compile with Ajv, as on data edited since the
// build) do: the same problems at boot, the same refusals of a request's parameters, the same response
// skeletons (what a body starts from).
describe('the build\'s precompiled schemas', () => {
  /** Parameters each API refuses in some way: none known, wrong types, values outside an enum, JSON text that is not. */
  function probes(apis: Iterable<[string, ApiDefinition]>): [string, Record<string, unknown>][] {
    return [...apis].flatMap(([key, api]) => [
      [key, {}], [key, { NoSuchParameter: 'x' }],
      ...Object.entries(api.request.properties ?? {}).flatMap(([name, s]) => [
        { [name]: s.type === 'string' ? 12345 : 'text' },
        ...(s.enum ? [{ [name]: s.enum[0] }, { [name]: 'not-in-the-enum' }] : []),
        ...(s.contentMediaType === 'application/json' ? [{ [name]: '{not json' }, { [name]: '{"NoSuchField":1}' }] : []),
      ].map((params): [string, Record<string, unknown>] => [key, params])),
    ]);
  }
  type Seen = { problems: string[]; outcomes: string[]; skeletons: Record<string, unknown> };
  /** What the sources make of `dataDir`: the problems, or how each probe is answered ("ok" or the error) and the skeletons. */
  function fromSources(dataDir: string | undefined, tries: [string, Record<string, unknown>][]): Seen {
    try {
      const rt = runtimeOf(createApp(dataDir === undefined ? {} : { dataDir }));
      const skeletons = Object.fromEntries([...rt.data.apis].map(([key, api]) => [key, skeletonOf(api.response)]));
      return { problems: [], outcomes: tries.map(([key, params]) => outcome(() => rt.validators.get(key)!(params))), skeletons };
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      return { problems: e.problems, outcomes: [], skeletons: {} };
    }
  }
  const outcome = (f: () => void): string => {
    try { f(); return 'ok'; } catch (e) { const { code, role, vars } = e as { code?: string; role?: string; vars?: unknown }; return JSON.stringify({ code, role, vars }); }
  };
  /** The same from the installed build, in a process of its own, with whether it loaded Ajv's compiler. */
  async function fromBuild(dataDir: string | undefined, tries: [string, Record<string, unknown>][]): Promise<Seen & { ajv: boolean }> {
    const url = (path: string): string => pathToFileURL(join(pkg, 'dist', path)).href;
    writeFileSync(join(work, 'tries.json'), JSON.stringify(tries));
    writeFileSync(join(work, 'probe.mjs'), `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const { createApp, runtimeOf } = await import(${JSON.stringify(url('app.js'))});
const { DataError } = await import(${JSON.stringify(url('data/loadData.js'))});
const { skeletonOf } = await import(${JSON.stringify(url('pipeline/buildResponse.js'))});
const outcome = ${outcome.toString()};
const tries = JSON.parse(readFileSync(${JSON.stringify(join(work, 'tries.json'))}, 'utf8'));
const dataDir = process.argv[2];
let problems = [], outcomes = [], skeletons = {};
try {
  const rt = runtimeOf(createApp(dataDir === undefined ? {} : { dataDir }));
  outcomes = tries.map(([key, params]) => outcome(() => rt.validators.get(key)(params)));
  skeletons = Object.fromEntries([...rt.data.apis].map(([key, api]) => [key, skeletonOf(api.response)]));
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  problems = e.problems;
}
const ajv = Object.keys(createRequire(import.meta.url).cache).some((f) => /[\\/]ajv[\\/]dist[\\/]core\\.js$/.test(f));
console.log(JSON.stringify({ problems, outcomes, skeletons, ajv }));
`);
    return JSON.parse(await run(process.execPath, ['probe.mjs', ...(dataDir === undefined ? [] : [dataDir])], work)) as Seen & { ajv: boolean };
  }
  /** A copy of the installed package's data, to edit. */
  function dataCopy(name: string): string {
    const dir = join(work, name);
    for (const d of ['schemas', 'scenarios', 'keys']) cpSync(join(pkg, d), join(dir, d), { recursive: true });
    return dir;
  }
  const tries = probes(runtimeOf(createApp()).data.apis);

  it('a start on the shipped data loads no Ajv compiler, and refuses parameters as the sources do', async () => {
    const built = await fromBuild(undefined, tries);
    expect(built).toEqual({ ...fromSources(undefined, tries), ajv: false });
    expect(new Set(built.outcomes).size).toBeGreaterThan(10);
    // One skeleton per API of the data (every vendor's), not a count that a new API outdates.
    expect(Object.keys(built.skeletons).sort()).toEqual([...runtimeOf(createApp()).data.apis.keys()].sort());
  }, 60_000);

  it('lists the same problems of broken files at boot, still without Ajv (the meta-schemas are the shipped ones)', async () => {
    const dir = dataCopy('broken');
    writeFileSync(join(dir, 'scenarios/huawei/ocr/RecognizeIdCard/typo.json'), JSON.stringify({ description: 5, warnings: 'copy' }));
    writeFileSync(join(dir, 'schemas/tencent/ocr/IDCardOCR/action.json'), JSON.stringify({ provider: 'tencent' }));
    const built = await fromBuild(dir, tries);
    expect(built.problems.join('\n')).toMatch(/typo\.json: \/description must be a string, got 5\n/);
    expect(built).toEqual({ ...fromSources(dir, tries), ajv: false });
  }, 60_000);

  it('compiles a request schema edited since the build, and refuses parameters by the edited one', async () => {
    const dir = dataCopy('edited');
    const file = join(dir, 'schemas/tencent/ocr/IDCardOCR/request.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: { CardSide: { enum: string[] } } };
    schema.properties.CardSide.enum = schema.properties.CardSide.enum.filter((side) => side !== 'BACK');
    writeFileSync(file, JSON.stringify(schema, null, 2));
    const back: [string, Record<string, unknown>][] = [['tencent:IDCardOCR', { CardSide: 'BACK' }]];
    expect((await fromBuild(undefined, back)).outcomes).toEqual(['ok']);
    const built = await fromBuild(dir, [...back, ...tries]);
    expect(built.outcomes[0]).not.toBe('ok');
    expect(built).toEqual({ ...fromSources(dir, [...back, ...tries]), ajv: true });
  }, 60_000);
});
