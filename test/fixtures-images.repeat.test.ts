import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { writeFixtures } from '../src/fixtureImages/writeFixtures.ts';

// `idcard-mock fixtures` is deterministic, so that its output can be committed: two runs, each with
// fresh encoder reuse state, give the same index and the same bytes. Two full runs are slow, so this
// is in `npm run test:slow`; what the files hold is fixtures-images.test.ts.
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

it('two runs write the same bytes and the same index.json', async () => {
  for (let i = 0; i < 2; i++) dirs.push(await mkdtemp(join(tmpdir(), 'idcard-fixtures-')));
  const [first, second] = [await writeFixtures(dirs[0]!), await writeFixtures(dirs[1]!)];
  expect(second).toEqual(first);
  expect(first.files.length).toBeGreaterThan(100);
  for (const f of first.files) {
    expect((await readFile(join(dirs[1]!, f.path))).equals(await readFile(join(dirs[0]!, f.path))), f.path).toBe(true);
  }
  expect(await readFile(join(dirs[1]!, 'index.json'), 'utf8')).toBe(await readFile(join(dirs[0]!, 'index.json'), 'utf8'));
}, 300_000);
