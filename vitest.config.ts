import { availableParallelism } from 'node:os';
import { defineConfig, configDefaults } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Two projects, one run of `npx vitest run` for all of them:
// - quick: everything but what is below (every vendor's folder, test/alibaba/ included); `npm test`. Its globalSetup
//   starts writing the fixture images once per run (test/setup/fixtureImages.ts) while the other files run.
// - slow: the long suites, `npm run test:slow`: the soak, the installed package in scratch projects, every
//   fuzz file (test/fuzz/, the concurrent fuzz included; `npm run fuzz` is the same files with --mode fuzz,
//   the concurrent fuzz's 5,000 cases instead of 300), the whole set of fixture images and its second run, and the three
//   replicas on one redis-server with Redis lost and back (test/state/).
// `npm run check` (what CI runs) runs `npm test` and then `npm run test:slow`: every file once.
// A file given by path runs in its own project: `npx vitest run test/soak/soak.test.ts` works for every file.
// The files that read the fixture images: they run after the others, by when the images are written.
const IMAGES = ['test/scenarios/catalogThreeWays.faceid.test.ts', 'test/scenarios/catalogThreeWays.others.test.ts'];
class ImagesLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const readsImages = (f: TestSpecification): boolean => IMAGES.some((p) => f.moduleId.endsWith(p));
    return [...sorted.filter((f) => !readsImages(f)), ...sorted.filter(readsImages)];
  }
}
const SLOW = ['test/soak/soak.test.ts', 'test/package/consumers.test.ts', 'test/fuzz/**/*.test.ts', 'test/fixtures-images.test.ts', 'test/fixtures-images.repeat.test.ts', 'test/state/replicas.test.ts', 'test/state/redisLost.test.ts', 'test/state/redisTls.test.ts'];
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
    sequence: { sequencer: ImagesLast },
    exclude,
    projects: [
      // npm test's files share their workers' modules (isolate: false) in threads: importing the SDKs and the
      // sources once per worker instead of once per file took npm test from 199 s to 81 s here (docs/developing.md).
      // Each file starts its own emulator and restores its spies, so none leans on another's state; every file
      // also passes alone.
      // The files that read the fixture images run last (ImagesLast) and wait for them if they must
      // (test/helpers/fixtureImages.ts): one project, so both workers import the SDKs and the sources once.
      { extends: true, test: { name: 'quick', exclude: [...exclude, ...SLOW], globalSetup: ['test/setup/fixtureImages.ts'], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
}));
