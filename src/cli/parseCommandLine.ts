import type { Command } from './Command.ts';
import { didYouMean } from './didYouMean.ts';
import { parseStart } from './parseStart.ts';
import { parseValidate } from './parseValidate.ts';
import { parseFixtures } from './parseFixtures.ts';
import type { CliContext } from './settings.ts';
import { UsageError } from './UsageError.ts';

/** The commands, by the word that names them; each has a parse function and a Command case (Command.ts). */
const COMMANDS = new Map<string, (args: string[], ctx: CliContext) => Command>([
  ['start', (args, ctx) => parseStart(args, ctx, false)],
  ['validate', (args) => parseValidate(args)],
  ['fixtures', (args) => parseFixtures(args)],
]);

/** `idcard-mock [COMMAND] [options]` → what to do. Throws UsageError (exit code 2) with every problem. */
export function parseCommandLine(argv: readonly string[], ctx: CliContext): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) return parseStart([...argv], ctx, true);
  const command = COMMANDS.get(first);
  if (!command) throw new UsageError([`unknown command ${first}${didYouMean(first, [...COMMANDS.keys()])}; idcard-mock --help lists the commands`]);
  return command(rest, ctx);
}
