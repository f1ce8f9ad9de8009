// `npm run build` (and `prepare`, so `npm ci`, `npm install` and a git dependency build it): the
// TypeScript of src/ compiled to JavaScript and .d.ts in dist/ (tsconfig.build.json), which the
// package's `exports` and bin/idcard-mock.js use.
//
// It compiles into a fresh folder, adds the shipped schemas precompiled (src/writePrecompiled.ts), bundles
// the CLI, and then swaps it for dist/, so a start or an import running meanwhile meets either the whole old build,
// the whole new one, or none (then bin/ runs the TypeScript through tsx); and files of deleted sources
// do not linger.
// `--if-typescript` (prepare): without TypeScript (`npm ci --omit=dev`) it says so and builds
// nothing, since bin/ runs the sources through tsx then.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  if (process.argv.includes('--if-typescript')) {
    console.log('idcard-mock: TypeScript is not installed, so no build; bin/idcard-mock.js runs the sources through tsx');
    process.exit(0);
  }
  throw new Error('idcard-mock: the build needs TypeScript (a devDependency): npm install first');
}

// `--out-dir DIR` builds into DIR instead of dist/ (the package tests build an installed copy, beside its data).
const at = process.argv.indexOf('--out-dir');
const out = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');
// Beside the output, so that the precompiling below finds the data one level above the code, as a start does.
const partial = join(dirname(out), `.build-${process.pid}`);
const fail = (status) => {
  rmSync(partial, { recursive: true, force: true });
  process.exit(status ?? 1);
};
const { status } = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', partial], { stdio: 'inherit' });
if (status !== 0) fail(status);
// Then the shipped schemas precompiled into it (src/writePrecompiled.ts), with the fresh build's own code.
try {
  const { writePrecompiled } = await import(pathToFileURL(join(partial, 'writePrecompiled.js')).href);
  const made = writePrecompiled(partial);
  console.log(`idcard-mock: precompiled ${made.validators} validators, ${made.skeletons} response skeletons and the check of ${made.files} data files`);
  for (const p of made.problems) console.log(`idcard-mock: not precompiled, a data problem: ${p}`);
} catch (e) {
  console.error(e);
  fail(1);
}
// Last, the CLI (dist/cli.js, what bin/ runs) bundled with esbuild into a few modules beside it: a start then
// loads those instead of some 130 ES modules, a sixth of its time. Its chunks stay directly in dist/, so that
// packageRoot (one level above its module) is still the package. The other modules stay as tsc wrote them
// for the package's `exports`.
const esbuild = findEsbuild();
if (esbuild) {
  try {
    esbuild.buildSync({
      entryPoints: [join(partial, 'cli.js')], outdir: partial, allowOverwrite: true, chunkNames: 'cli-[hash]',
      bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', packages: 'external', logLevel: 'warning',
    });
  } catch (e) {
    console.error(e);
    fail(1);
  }
} else console.log('idcard-mock: esbuild is not installed, so the CLI is not bundled (it starts about 50 ms slower)');
rmSync(out, { recursive: true, force: true });
renameSync(partial, out);

/** esbuild: the project's own if it has one, else the one tsx (a dependency) depends on; undefined without either. */
function findEsbuild() {
  for (const from of [() => require, () => createRequire(require.resolve('tsx/package.json'))]) {
    try {
      return from()('esbuild');
    } catch {
      // not there: the next, or no bundle
    }
  }
  return undefined;
}
