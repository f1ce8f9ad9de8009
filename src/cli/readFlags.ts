import { parseArgs } from 'node:util';
import { didYouMean } from './didYouMean.ts';

/** `multiple`: the flag may be given more than once, and every value counts (`--scenarios A --scenarios B`). */
export interface FlagOption { name: string; type: 'string' | 'boolean'; short?: string; multiple?: boolean }

/**
 * The flags as typed: by name without dashes, `true` for a boolean (the last one given wins), the values
 * of `multiple` flags in `lists`; the other words; and what is wrong with them.
 */
export interface Flags { values: Map<string, string | true>; lists: Map<string, string[]>; positionals: string[]; problems: string[] }

/**
 * Reads flags with Node's parseArgs in its lenient mode and judges the tokens here, so that each
 * problem is one line naming the flag as typed (strict mode throws at the first problem, in a sentence
 * about positionals). `helpCommand` is what the user should run to see the options.
 */
export function readFlags(args: string[], options: readonly FlagOption[], maxPositionals: number, helpCommand: string): Flags {
  const known = new Map(options.map((o) => [o.name, o]));
  const { tokens } = parseArgs({
    args,
    options: Object.fromEntries(options.map((o) => [o.name, o.short ? { type: o.type, short: o.short } : { type: o.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  const problems: string[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    const option = known.get(t.name);
    if (!option) {
      problems.push(`unknown option ${t.rawName}${didYouMean(t.rawName, options.map((o) => `--${o.name}`))}; ${helpCommand} lists the options`);
    } else if (option.type === 'boolean') {
      if (t.inlineValue) problems.push(`${t.rawName} takes no value, got ${JSON.stringify(t.value)}`);
      else values.set(t.name, true);
    } else if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) {
      // In lenient mode `--port --host x` takes `--host` as the port; that is a forgotten value, not a port.
      problems.push(`${t.rawName} needs a value`);
    } else if (option.multiple) lists.set(t.name, [...(lists.get(t.name) ?? []), t.value]);
    else values.set(t.name, t.value);
  }
  // After an unknown option or a missing value, the next word shows up as an argument; one line about the flag is enough.
  if (!problems.length && positionals.length > maxPositionals) {
    problems.push(`unexpected argument ${JSON.stringify(positionals[maxPositionals])}; ${helpCommand} lists the commands and options`);
  }
  return { values, lists, positionals, problems };
}
