import { delimiter } from 'node:path';
import { textLayer, integerOrText, type Layer, type TextSetting } from './Layer.ts';
import { SETTINGS, type CliContext } from './settings.ts';
import { didYouMean } from './didYouMean.ts';

const TRUE = ['1', 'true', 'yes', 'on'];
const FALSE = ['0', 'false', 'no', 'off'];
/** Variables of ours that are not settings. */
const OTHER_VARIABLES = ['IDCARD_MOCK_CONFIG'];

/**
 * The IDCARD_MOCK_* variables. An empty variable counts as unset, as shells make unsetting awkward.
 * Booleans take 1/0, true/false, yes/no, on/off (`IDCARD_MOCK_RATE_LIMIT=off` turns the limits off);
 * lists are separated by the path delimiter (`:`, `;` on Windows), as in PATH.
 */
export function envLayer(ctx: CliContext): Layer & { warnings: string[] } {
  const problems: string[] = [];
  const entries: TextSetting[] = [];
  for (const spec of SETTINGS) {
    const text = ctx.env[spec.env];
    if (text === undefined || text === '') continue;
    if (spec.kind === 'boolean') {
      const word = text.trim().toLowerCase();
      if (TRUE.includes(word) || FALSE.includes(word)) entries.push({ spec, name: spec.env, text, value: TRUE.includes(word) });
      else problems.push(`${spec.env} must be 1 or 0 (or true/false, yes/no, on/off), got ${JSON.stringify(text)}`);
    } else if (spec.kind === 'list') {
      // Like PATH: IDCARD_MOCK_SCENARIOS=./mine:./team; an empty item (a stray `:`) means nothing.
      entries.push({ spec, name: spec.env, text, value: text.split(delimiter).filter(Boolean) });
    } else entries.push({ spec, name: spec.env, text, value: spec.kind === 'integer' ? integerOrText(text) : text });
  }
  // A misspelt variable would otherwise be ignored without a word; a warning, not an error, since
  // the user's environment may hold variables of their own with our prefix.
  const known = new Set([...SETTINGS.map((s) => s.env), ...OTHER_VARIABLES]);
  const warnings = Object.keys(ctx.env)
    .filter((name) => name.startsWith('IDCARD_MOCK_') && !known.has(name))
    .map((name) => `ignoring ${name}: not a setting${didYouMean(name, [...known])}; idcard-mock --help lists the variables`);
  return { ...textLayer(entries, problems), warnings };
}
