import { didYouMean } from './cli/didYouMean.ts';
import { settingPathProblems } from './cli/settingPathProblems.ts';
import { settingProblems } from './cli/settingProblems.ts';
import type { SettingKey } from './cli/settings.ts';
import type { Config } from './config.ts';

type Rule = { setting: SettingKey } | { type: 'string' | 'list' | 'object' | 'function' | 'boolean' };

/**
 * How each startMock option is checked: one that is a CLI setting by the config schema, as the CLI
 * checks its flag (the option's name may differ: `logRequests` is `requestLogging`);
 * the others, which no flag sets, by their type. `satisfies` makes the compiler insist on every option
 * (startMock's are the settings of src/config.ts and `scenarios`).
 */
const OPTIONS = {
  port: { setting: 'port' }, host: { setting: 'host' }, auth: { setting: 'auth' }, seed: { setting: 'seed' }, flavor: { setting: 'flavor' },
  rateLimit: { setting: 'rateLimit' }, rateLimitPerMinute: { setting: 'rateLimitPerMinute' }, fetchImageUrls: { setting: 'fetchImageUrls' },
  strictRegister: { setting: 'strictRegister' }, logFormat: { setting: 'logFormat' }, quiet: { setting: 'quiet' }, scenario: { setting: 'scenario' },
  adminToken: { setting: 'adminToken' }, journalSize: { setting: 'journalSize' }, coverageOut: { setting: 'coverageOut' },
  debugSignatures: { setting: 'debugSignatures' }, logRequests: { setting: 'requestLogging' }, scenarios: { setting: 'scenarios' },
  dataDir: { type: 'string' }, scenarioDirs: { type: 'list' }, credentials: { type: 'object' }, now: { type: 'function' },
  checkResponses: { type: 'boolean' }, requestLog: { type: 'function' },
  state: { setting: 'state' }, statePrefix: { setting: 'statePrefix' },
} satisfies Record<keyof Config | 'scenarios', Rule>;

const TYPE_WORDS = { string: 'a string', list: 'a list of strings', object: 'an object', function: 'a function', boolean: 'true or false' } as const;

/**
 * What is wrong with startMock's options, for plain-JavaScript callers too: an unknown option with the
 * nearest one, a wrong value in the words the CLI uses for its flag (`auth must be one of lenient,
 * strict, off, got "maybe"`), a `scenarios` folder that does not exist. Empty when all is well.
 */
export function mockOptionProblems(options: unknown): string[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return [`startMock takes an object of options, got ${JSON.stringify(options)}`];
  const rules: Record<string, Rule> = OPTIONS;
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  const optionOf: Partial<Record<SettingKey, string>> = {};
  for (const [key, value] of Object.entries(options)) {
    // An option set to undefined is one not given, as an object spread would have it.
    if (value === undefined) continue;
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (!rule) problems.push(`unknown option ${key}${didYouMean(key, Object.keys(OPTIONS))}; the options are ${Object.keys(OPTIONS).join(', ')}`);
    else if ('setting' in rule) {
      // `scenarios` takes one folder or a list, as the CLI flag may be given once or repeated.
      settings[rule.setting] = key === 'scenarios' && typeof value === 'string' ? [value] : value;
      optionOf[rule.setting] = key;
    } else if (!hasType(value, rule.type)) problems.push(`${key} must be ${TYPE_WORDS[rule.type]}, got ${shown(value)}`);
  }
  problems.push(...settingProblems(settings, (key) => (key ? `${optionOf[key] ?? key} ` : ''), (key) => `unknown option ${key}`));
  // The folders of the values of the right type (a wrong one is reported above): every mistake at once.
  const { scenarios, coverageOut } = settings;
  const folders = Array.isArray(scenarios) ? scenarios.filter((d): d is string => typeof d === 'string' && d !== '') : [];
  problems.push(...settingPathProblems({ scenarios: folders, coverageOut: typeof coverageOut === 'string' && coverageOut ? coverageOut : undefined }, (key) => optionOf[key] ?? key));
  return problems;
}

function hasType(value: unknown, type: keyof typeof TYPE_WORDS): boolean {
  if (type === 'list') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === type;
}

const shown = (value: unknown): string => (typeof value === 'function' ? 'a function' : JSON.stringify(value) ?? String(value));
