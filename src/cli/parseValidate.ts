import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../config.ts';
import type { Command } from './Command.ts';
import { readFlags } from './readFlags.ts';
import { UsageError } from './UsageError.ts';
import { validateUsage } from './usage.ts';

/** `idcard-mock validate [DIR]`: DIR must be a data root (it has schemas/); the emulator's own without it. */
export function parseValidate(args: string[]): Command {
  const flags = readFlags(args, [{ name: 'help', type: 'boolean', short: 'h' }], 1, 'idcard-mock validate --help');
  if (flags.values.has('help')) return { name: 'help', text: validateUsage() };
  if (flags.problems.length) throw new UsageError(flags.problems);
  const [dir] = flags.positionals;
  if (dir === undefined) return { name: 'validate', dataDir: packageRoot, dir };
  // Without this check an empty or mistyped DIR would load nothing and pass.
  if (!existsSync(join(dir, 'schemas'))) throw new UsageError([`validate: ${dir} has no schemas/ folder; DIR is a folder with schemas/, scenarios/ and keys/`]);
  return { name: 'validate', dataDir: resolve(dir), dir };
}
