// Data tables live in the source tree under src/identity and are read once (at module import, or on
// first use for the large ones), not per call, so generating a person stays well under a millisecond. They are found from the
// package root, so the compiled code in dist/ reads the same files as the TypeScript in src/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';

const identityDir = join(packageRoot, 'src', 'identity');

/** A JSON table of `folder` (relative to src/identity): `data` for the mainland tables, `macao/data` for Macao's. */
export function loadJson(name: string, folder = 'data'): unknown {
  return JSON.parse(readFileSync(join(identityDir, folder, name), 'utf8')) as unknown;
}
