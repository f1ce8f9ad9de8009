import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface JsonFile { path: string; rel: string; value: unknown }

/** Every `*.json` below `dir` (sorted, so boot order and error lists are stable); unreadable JSON is reported, not thrown. */
export function readJsonFiles(root: string, dir: string, problems: string[]): JsonFile[] {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  const out: JsonFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.json')) {
        const rel = relative(root, p);
        try {
          out.push({ path: p, rel, value: JSON.parse(readFileSync(p, 'utf8')) });
        } catch (e) {
          problems.push(`${rel}: not valid JSON (${(e as Error).message})`);
        }
      }
    }
  };
  walk(start);
  return out;
}
