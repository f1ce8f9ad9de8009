#!/usr/bin/env node
// Runs the compiled build (dist/, from `npm run build`, which `npm ci`/`npm install` run through
// `prepare`) when there is one at least as new as every source file: it starts faster and loads no
// tsx. Otherwise (no build yet, `npm ci --omit=dev`, or src/ edited since the build) the TypeScript
// runs through tsx (a runtime dependency), so an old build never hides an edit in a checkout.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const built = new URL('dist/cli.js', root);

/** Milliseconds of the newest .ts file under src/ (0 in an installed package, which ships no sources). */
function newestSource() {
  let newest = 0;
  // A walk with the entries' types and plain paths: it runs before every start, and takes a third of the
  // time of a recursive readdir and a URL per file.
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  try {
    walk(fileURLToPath(new URL('src', root)));
  } catch {
    return 0;
  }
  return newest;
}

function builtAt() {
  try {
    return statSync(built).mtimeMs;
  } catch {
    return -1;
  }
}

if (builtAt() >= newestSource()) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
