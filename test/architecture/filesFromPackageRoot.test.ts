import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The same code runs as src/*.ts (tsx, tests) and as dist/*.js (the build, the installed package). A file
// found beside the module (`new URL('./x', import.meta.url)`) is missing beside its compiled copy in
// dist/, so src/ finds its files from the package root (src/packageRoot.ts) only.
const src = new URL('../../src/', import.meta.url).pathname;

it('only src/packageRoot.ts uses import.meta', () => {
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /\.c?ts$/.test(f));
  const users = files.filter((f) => readFileSync(join(src, f), 'utf8').includes('import.meta')).sort();
  expect(users).toEqual(['packageRoot.ts']);
});
