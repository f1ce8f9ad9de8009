import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Per provider, the well-known test credentials (README): always accepted, with a full signature check. */
export type WellKnown = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The well-known credentials of every provider in `root`'s data (schemas/<provider>/provider.json
 * `testCredentials.values`), read without the data loader: the package entries (src/index.ts and, for
 * `require`, src/index.cts) export them without loading the emulator. node:fs and node:path only, so
 * that require() loads this module the same way.
 */
export function wellKnownIn(root: string): WellKnown {
  const schemas = join(root, 'schemas');
  const entries: [string, Readonly<Record<string, string>>][] = [];
  for (const dir of readdirSync(schemas, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    let facts: { provider?: string; testCredentials?: { values?: Record<string, string> } };
    try { facts = JSON.parse(readFileSync(join(schemas, dir.name, 'provider.json'), 'utf8')) as typeof facts; } catch { continue; }
    if (facts.provider && facts.testCredentials?.values) entries.push([facts.provider, Object.freeze({ ...facts.testCredentials.values })]);
  }
  return Object.freeze(Object.fromEntries(entries));
}
