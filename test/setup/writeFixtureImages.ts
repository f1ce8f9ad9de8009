import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFixtures } from '../../src/fixtureImages/writeFixtures.ts';
import { fixtureOutcomes } from '../../src/fixtureImages/fixtureOutcomes.ts';
import { loadData } from '../../src/data/loadData.ts';

// The child process of test/setup/fixtureImages.ts: writes the fixture images into the folder it is given,
// then, in the status folder, `ready.json` (the index, renamed into place whole) or `failed.txt` (why not).
const [dir, status] = [process.argv[2]!, process.argv[3]!];
// Only the files test/scenarios/catalogThreeWays.ts reads: each image API's own outcomes, and the codes its
// provider shares through the provider's first image API, each outcome in one format, JPEG and PNG in turn (an
// outcome's two files carry the same marker, read by the same code; every API still sends both formats). The
// whole set, both formats of every outcome, is written and sent in npm run test:slow (test/fixtures-images.test.ts).
const data = loadData(new URL('../../', import.meta.url).pathname);
const imageApis = [...data.apis.values()].filter((a) => a.meta.image);
const only = imageApis.flatMap((api) => {
  const common = data.commonErrors[api.meta.provider] ?? {};
  const first = imageApis.find((a) => a.meta.provider === api.meta.provider) === api;
  return fixtureOutcomes(api, common)
    .filter((o) => o.scenario !== null && (first || !(o.scenario in common)))
    .map((o, i) => `${api.meta.provider}/${api.meta.action}/${o.stem}.${i % 2 ? 'png' : 'jpg'}`);
});
try {
  const index = await writeFixtures(dir, { only });
  await writeFile(join(status, 'ready.json.part'), JSON.stringify(index));
  await rename(join(status, 'ready.json.part'), join(status, 'ready.json'));
} catch (e) {
  await writeFile(join(status, 'failed.txt'), e instanceof Error ? e.stack ?? e.message : String(e));
}
