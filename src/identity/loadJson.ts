// Data tables live next to the code in ./data and are read once at module import
// (not per call), so generating a person stays well under a millisecond.
import { readFileSync } from 'node:fs';

export function loadJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')) as unknown;
}
