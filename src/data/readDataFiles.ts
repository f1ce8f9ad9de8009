import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { parseDataText } from './parseDataText.ts';

export interface DataFile {
  path: string;
  /** Relative to the folder that was read: `tencent/ocr/IDCardOCR/action.json`. */
  rel: string;
  /** How problems name the file: relative to the data root for the emulator's own, the full path for a user's folder. */
  shown: string;
  value: unknown;
}

export interface ReadOptions {
  /** The endings of the files to read (lower case, with the dot); other files are not data and are left alone. */
  extensions: readonly string[];
  /** `rel` → how problems name the file. */
  shown: (rel: string) => string;
}

export const JSON_ONLY: readonly string[] = ['.json'];

/**
 * Every data file below `dir` (sorted, so boot order and problem lists are stable), parsed as JSON or
 * YAML by its ending (parseDataText). A file that does not parse is reported in `problems`, not thrown.
 */
export function readDataFiles(dir: string, problems: string[], options: ReadOptions): DataFile[] {
  if (!existsSync(dir)) return [];
  const out: DataFile[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) walk(path);
      else if (options.extensions.includes(extname(name).toLowerCase())) {
        const rel = relative(dir, path);
        const shown = options.shown(rel);
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch (e) {
          // Under --watch a file can vanish between the listing and the read.
          problems.push(`${shown}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
          continue;
        }
        const parsed = parseDataText(name, text);
        if ('problems' in parsed) problems.push(...parsed.problems.map((p) => `${shown}: ${p}`));
        else out.push({ path, rel, shown, value: parsed.value });
      }
    }
  };
  walk(dir);
  return out;
}
