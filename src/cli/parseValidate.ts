import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../config.ts';
import type { Command } from './Command.ts';
import { isFolder } from './isFolder.ts';
import { readFlags } from './readFlags.ts';
import { UsageError } from './UsageError.ts';
import { validateUsage } from './usage.ts';

/**
 * `idcard-mock validate [DIR] [--scenarios FOLDER]…`: DIR must be a data root (it has schemas/); the
 * emulator's own without it. Each --scenarios folder is layered over its scenarios/, as start does.
 */
export function parseValidate(args: string[]): Command {
  const flags = readFlags(args, [{ name: 'help', type: 'boolean', short: 'h' }, { name: 'scenarios', type: 'string', multiple: true }], 1, 'idcard-mock validate --help');
  if (flags.values.has('help')) return { name: 'help', text: validateUsage() };
  if (flags.problems.length) throw new UsageError(flags.problems);
  const [dir] = flags.positionals;
  const scenarios = flags.lists.get('scenarios') ?? [];
  // Without these checks an empty or mistyped folder would load nothing and pass.
  const problems = scenarios.filter((d) => !isFolder(d)).map((d) => `--scenarios ${d}: no such folder`);
  if (dir !== undefined && !existsSync(join(dir, 'schemas'))) problems.unshift(`validate: ${dir} has no schemas/ folder; DIR is a folder with schemas/, scenarios/ and keys/`);
  if (problems.length) throw new UsageError(problems);
  return { name: 'validate', dataDir: dir === undefined ? packageRoot : resolve(dir), scenarioDirs: scenarios.map((d) => resolve(d)), dir };
}
