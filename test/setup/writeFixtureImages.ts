import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFixtures } from '../../src/fixtureImages/writeFixtures.ts';

// The child process of test/setup/fixtureImages.ts: writes the fixture images into the folder it is given,
// then, in the status folder, `ready.json` (the index, renamed into place whole) or `failed.txt` (why not).
const [dir, status] = [process.argv[2]!, process.argv[3]!];
try {
  const index = await writeFixtures(dir);
  await writeFile(join(status, 'ready.json.part'), JSON.stringify(index));
  await rename(join(status, 'ready.json.part'), join(status, 'ready.json'));
} catch (e) {
  await writeFile(join(status, 'failed.txt'), e instanceof Error ? e.stack ?? e.message : String(e));
}
