import { resolve } from 'node:path';
import type { Command } from './Command.ts';
import { readFlags } from './readFlags.ts';
import { UsageError } from './UsageError.ts';
import { fixturesUsage } from './usage.ts';

/** `idcard-mock fixtures --out DIR [--seed S]`. */
export function parseFixtures(args: string[]): Command {
  const flags = readFlags(args, [{ name: 'help', type: 'boolean', short: 'h' }, { name: 'out', type: 'string' }, { name: 'seed', type: 'string' }], 0, 'idcard-mock fixtures --help');
  if (flags.values.has('help')) return { name: 'help', text: fixturesUsage() };
  const out = flags.values.get('out');
  const problems = [...flags.problems];
  if (typeof out !== 'string' || out === '') problems.push('fixtures: --out DIR is required (the folder to write the images and index.json to)');
  if (problems.length) throw new UsageError(problems);
  const seed = flags.values.get('seed');
  return { name: 'fixtures', out: resolve(out as string), seed: typeof seed === 'string' ? seed : undefined };
}
