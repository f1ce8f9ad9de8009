import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

// `idcard-mock fixtures` output, made once per run for the test files that read it (vitest.config.ts,
// project `images`): every fixture image is milliseconds of painting and encoding, 1,700 of them, so the
// files share one set instead of each writing its own. It is written by a child process started here, so
// the other tests run meanwhile instead of waiting (it took the first 12 s of npm test on 2 cores); the
// files that read it wait for it with test/helpers/fixtureImages.ts.
/** `dir`: the images and their index.json; `status`: where the writer puts `ready.json` or `failed.txt`. */
export interface FixtureImagesFolder { dir: string; status: string }

declare module 'vitest' {
  export interface ProvidedContext { fixtureImages: FixtureImagesFolder }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const status = await mkdtemp(join(tmpdir(), 'idcard-fixtures-'));
  const dir = join(status, 'images');
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('writeFixtureImages.ts', import.meta.url)), dir, status], { stdio: 'ignore' });
  project.provide('fixtureImages', { dir, status });
  return async () => {
    child.kill();
    await rm(status, { recursive: true, force: true });
  };
}
