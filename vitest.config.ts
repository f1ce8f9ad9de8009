import { availableParallelism } from 'node:os';
import { defineConfig, configDefaults } from 'vitest/config';

// Three projects, one run of `npx vitest run` for all of them:
// - quick: everything but what is below (every vendor's folder, test/alibaba/ included); `npm test`, with `images`.
// - images: the files that read the fixture images, written once per run by test/setup/fixtureImages.ts.
// - slow: the long suites, `npm run test:slow`: the soak, the installed package in scratch projects, every
//   fuzz file (test/fuzz/, the concurrent fuzz included; `npm run fuzz` is the same files with --mode fuzz,
//   the concurrent fuzz's 5,000 cases instead of 300), the second run of the fixture images, and the three
//   replicas on one redis-server with Redis lost and back (test/state/).
// `npm run check` (what CI runs) runs `npm test` and then `npm run test:slow`: every file once.
// A file given by path runs in its own project: `npx vitest run test/soak/soak.test.ts` works for every file.
const IMAGES = ['test/fixtures-images.test.ts', 'test/scenarios/catalogThreeWays.test.ts'];
const SLOW = ['test/soak/soak.test.ts', 'test/package/consumers.test.ts', 'test/fuzz/**/*.test.ts', 'test/fixtures-images.repeat.test.ts', 'test/state/replicas.test.ts', 'test/state/redisLost.test.ts', 'test/state/redisTls.test.ts'];
// .scratch/ holds work in progress that is not part of the suite. examples/ are a user's tests of
// the installed package: test/package/consumers.test.ts runs them in a project of their own.
const exclude = [...configDefaults.exclude, '.scratch/**', 'examples/**'];

// `--mode fuzz` (npm run fuzz) reaches the test files as FUZZ_FULL=1: a project's workers do not see the mode
// as import.meta.env.MODE.
export default defineConfig(({ mode }) => ({
  test: {
    env: mode === 'fuzz' ? { FUZZ_FULL: '1' } : {},
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, which left a core idle
    // while npm test ran (docs/developing.md has the times).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    exclude,
    projects: [
      // npm test's files share their workers' modules (isolate: false) in threads: importing the SDKs and the
      // sources once per worker instead of once per file took npm test from 199 s to 81 s here (docs/developing.md).
      // Each file starts its own emulator and restores its spies, so none leans on another's state; every file
      // also passes alone.
      { extends: true, test: { name: 'quick', exclude: [...exclude, ...IMAGES, ...SLOW], pool: 'threads', isolate: false } },
      // The images are written by a child process while the quick files run (test/setup/fixtureImages.ts), so
      // these files come after them (a group of their own) and find the images ready.
      { extends: true, test: { name: 'images', include: IMAGES, globalSetup: ['test/setup/fixtureImages.ts'], pool: 'threads', isolate: false, sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
}));
