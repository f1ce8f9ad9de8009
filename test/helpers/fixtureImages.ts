import { existsSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { FixtureIndex } from '../../src/fixtureImages/FixtureIndex.ts';

/**
 * The fixture images of this run (test/setup/fixtureImages.ts), once they are all written: their folder and
 * index.json's content. Waits for the writer's `ready.json` (or `failed.txt`) by watching its status folder.
 */
export async function fixtureImages(): Promise<{ dir: string; index: FixtureIndex }> {
  const { dir, status } = inject('fixtureImages');
  const ready = join(status, 'ready.json');
  const failed = join(status, 'failed.txt');
  await new Promise<void>((resolve, reject) => {
    const watcher = watch(status);
    const check = (): void => {
      if (existsSync(ready)) { watcher.close(); resolve(); }
      else if (existsSync(failed)) { watcher.close(); reject(new Error(`the fixture images were not written: ${readFileSync(failed, 'utf8')}`)); }
    };
    watcher.on('change', check);
    watcher.on('error', (e) => { watcher.close(); reject(e); });
    check();
  });
  return { dir, index: JSON.parse(readFileSync(ready, 'utf8')) as FixtureIndex };
}
