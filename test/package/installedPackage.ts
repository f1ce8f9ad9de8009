import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoModules = join(repoRoot, 'node_modules');
const execFileP = promisify(execFile);

/**
 * Runs a program to its end and gives its stdout; fails with everything it printed when it exits
 * non-zero or outlasts `timeout` ms. The outer vitest's variables are left out, so that a vitest run
 * inside a scratch project is a run of its own.
 */
export async function run(file: string, args: string[], cwd: string, timeout = 120_000): Promise<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_OPTIONS' && k !== 'TEST'));
  try {
    return (await execFileP(file, args, { cwd, timeout, maxBuffer: 32 << 20, env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' } })).stdout;
  } catch (e) {
    const { message, stdout, stderr } = e as { message: string; stdout?: string; stderr?: string };
    throw new Error(`${[file, ...args].join(' ')} (in ${cwd}) failed: ${message}\n--- stdout\n${stdout ?? ''}\n--- stderr\n${stderr ?? ''}`);
  }
}

/** A program of this checkout's node_modules, run with this Node. */
export const runBin = (bin: string, args: string[], cwd: string, timeout?: number): Promise<string> =>
  run(process.execPath, [join(repoModules, bin), ...args], cwd, timeout);

/**
 * This checkout as `npm install` leaves it in a project, at `<dir>/node_modules/idcard-mock`: the files
 * `npm pack` lists (package.json `files`), a build of the current sources as dist/ (made here by
 * scripts/build.mjs, so the checkout's own dist/ is never rewritten under a running test), and beside it only the runtime
 * dependencies. A devDependency (@types/express, typescript) is then out of reach of the package's code
 * and declarations, as it is for a user. Gives the package folder.
 */
export async function installPackage(dir: string): Promise<string> {
  const pkg = join(dir, 'node_modules', 'idcard-mock');
  const packed = JSON.parse(await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], repoRoot)) as { files: { path: string }[] }[];
  for (const { path } of packed[0]!.files) {
    if (path.startsWith('dist/')) continue;
    mkdirSync(dirname(join(pkg, path)), { recursive: true });
    cpSync(join(repoRoot, path), join(pkg, path));
  }
  // Each dependency is linked where npm would put it; its own dependencies resolve from its real path.
  const { dependencies } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  link(join(pkg, 'node_modules'), Object.keys(dependencies));
  // The build `prepare` makes, with the schemas precompiled on the package's own data and dependencies.
  await run(process.execPath, [join(repoRoot, 'scripts/build.mjs'), '--out-dir', join(pkg, 'dist')], repoRoot, 240_000);
  return pkg;
}

/** `node_modules/<name>` links in `modules` to this checkout's copies (devDependencies a scratch project uses: vitest, the SDK). */
export function link(modules: string, names: string[]): void {
  for (const name of names) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(repoModules, name), join(modules, name), 'dir');
  }
}

/** A scratch project: its package.json, its files, and `node_modules/idcard-mock` linked to the installed package. */
export function scratchProject(dir: string, pkg: string, o: { type?: 'module'; files: Record<string, string>; devDependencies?: string[] }): string {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', private: true, ...(o.type ? { type: o.type } : {}) }));
  for (const [name, text] of Object.entries(o.files)) writeFileSync(join(dir, name), text);
  symlinkSync(pkg, join(dir, 'node_modules', 'idcard-mock'), 'dir');
  link(join(dir, 'node_modules'), o.devDependencies ?? []);
  return dir;
}
