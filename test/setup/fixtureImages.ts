import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { FixtureIndex } from '../../src/fixtureImages/FixtureIndex.ts';
import { writeFixtures } from '../../src/fixtureImages/writeFixtures.ts';

// `idcard-mock fixtures` output, made once per run for the test files that read it (vitest.config.ts,
// project `images`): every fixture image is several seconds of painting and encoding, so the files share
// one set instead of each writing its own. Tests read it with `inject('fixtureImages')`.
export interface FixtureImages { dir: string; index: FixtureIndex }

declare module 'vitest' {
  export interface ProvidedContext { fixtureImages: FixtureImages }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'idcard-fixtures-'));
  project.provide('fixtureImages', { dir, index: await writeFixtures(dir) });
  return () => rm(dir, { recursive: true, force: true });
}
