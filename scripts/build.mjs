// `npm run build` (and `prepare`, so `npm ci`, `npm install` and a git dependency build it): the
// TypeScript of src/ compiled to JavaScript and .d.ts in dist/ (tsconfig.build.json), which the
// package's `exports` and bin/idcard-mock.js use.
//
// It compiles into a fresh folder and then swaps it for dist/, so a start or an import running
// meanwhile meets either the whole old build, the whole new one, or none (then bin/ runs the
// TypeScript through tsx); and files of deleted sources do not linger.
// `--if-typescript` (prepare): without TypeScript (`npm ci --omit=dev`) it says so and builds
// nothing, since bin/ runs the sources through tsx then.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

const partial = `${root}.build-${process.pid}`;
const { status } = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`, '--outDir', partial], { stdio: 'inherit' });
if (status !== 0) {
  rmSync(partial, { recursive: true, force: true });
  process.exit(status ?? 1);
}
rmSync(`${root}dist`, { recursive: true, force: true });
renameSync(partial, `${root}dist`);
