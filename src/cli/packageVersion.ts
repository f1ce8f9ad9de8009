import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../config.ts';

/** The version in package.json, the one npm installed. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}
