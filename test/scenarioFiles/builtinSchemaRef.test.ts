import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// Editors complete and check a scenario file through its $schema; a file moved to another depth, or a
// new one written without it, would silently lose that.
const root = new URL('../../', import.meta.url).pathname;
const files = (readdirSync(join(root, 'scenarios'), { recursive: true }) as string[]).filter((f) => /\.(json|ya?ml)$/.test(f));

describe('built-in scenario files', () => {
  it.each(files)('%s points $schema at schemas/_meta/scenario.schema.json', (file) => {
    const path = join(root, 'scenarios', file);
    const ref = file.endsWith('.json')
      ? (JSON.parse(readFileSync(path, 'utf8')) as { $schema?: string }).$schema
      : /^# yaml-language-server: \$schema=(\S+)/m.exec(readFileSync(path, 'utf8'))?.[1];
    expect(ref && resolve(dirname(path), ref)).toBe(join(root, 'schemas/_meta/scenario.schema.json'));
  });
});
