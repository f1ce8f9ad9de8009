import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchema } from '../data/compileSchema.ts';
import { describeProblem } from '../data/describeProblem.ts';
import { defaultConfig, packageRoot, type AuthMode } from '../config.ts';
import type { Flavor } from '../data/types.ts';
import type { LogFormat } from '../log/formatLogLine.ts';
import { defaultTlsDir } from '../tls/defaultTlsDir.ts';

/**
 * What `idcard-mock start` can be told. Each key is also the --config file key: the flag's name in
 * camelCase (`--rate-limit-per-minute` → `rateLimitPerMinute`), and the IDCARD_MOCK_* variable in upper snake
 * case (`IDCARD_MOCK_RATE_LIMIT_PER_MINUTE`). schemas/_meta/config.schema.json types and documents each.
 */
export interface Settings {
  port: number;
  host: string;
  auth: AuthMode;
  seed: string;
  flavor: Flavor;
  /** A JSON file of more credential pairs. */
  credentials: string | undefined;
  rateLimit: boolean;
  /** Unset: the data's own limit (schemas/huawei/provider.json). */
  rateLimitPerMinute: number | undefined;
  fetchImageUrls: boolean;
  strictRegister: boolean;
  logFormat: LogFormat;
  quiet: boolean;
  tls: boolean;
  tlsDir: string;
  /** The user's scenario folders, layered over the built-in ones in order. */
  scenarios: string[];
  watch: boolean;
  /** The server-wide active scenario. */
  scenario: string | undefined;
  adminToken: string | undefined;
  journalSize: number;
  coverageOut: string | undefined;
  debugSignatures: boolean;
  /** A line per request on stdout. */
  requestLogging: boolean;
  /** `memory` or a Redis URL. */
  state: string;
  statePrefix: string;
}

export type SettingKey = keyof Settings;

/** What a CLI run sees of its process: cli.ts passes these in so that nothing else reads process.*. */
export interface CliContext {
  env: Record<string, string | undefined>;
  /** The user's home folder (the default certificate folder is below it). */
  home: string;
}

/** How one setting is spelled and typed on the command line, in the environment and in --help. */
export interface SettingSpec {
  key: SettingKey;
  flag: string;
  env: string;
  /** `list`: repeatable flag, a config list, a variable of values separated by the path delimiter (`:`). */
  kind: 'integer' | 'string' | 'boolean' | 'list';
  /** The value's placeholder in --help: `N`, `FILE`, `lenient|strict|off`. */
  arg: string;
  /** The flag turns the setting off (`--no-rate-limit` sets rateLimit to false). */
  negated: boolean;
  help: string;
}

// Only what the schema cannot say: the placeholder of a free-form value, and the one flag spelled in the negative.
// `satisfies` makes the compiler insist on an entry for every setting.
const SPELLING = {
  port: { arg: 'N' }, host: { arg: 'HOST' }, auth: {}, seed: { arg: 'S' }, flavor: {}, credentials: { arg: 'FILE' },
  rateLimit: { flag: '--no-rate-limit' }, rateLimitPerMinute: { arg: 'N' }, fetchImageUrls: {}, strictRegister: {},
  logFormat: {}, quiet: {}, tls: {}, tlsDir: { arg: 'DIR' }, scenarios: { arg: 'DIR' }, watch: {}, scenario: { arg: 'NAME' },
  adminToken: { arg: 'TOKEN' }, journalSize: { arg: 'N' }, coverageOut: { arg: 'FILE' }, debugSignatures: {}, requestLogging: { flag: '--no-request-log' },
  state: { arg: 'memory|redis://HOST:PORT' }, statePrefix: { arg: 'NAME' },
} satisfies Record<SettingKey, { arg?: string; flag?: string }>;

interface PropertySchema { type?: 'integer' | 'string' | 'boolean' | 'array'; enum?: string[]; description: string }
interface ConfigSchema { properties: Record<string, PropertySchema> }

export const CONFIG_SCHEMA_PATH = join(packageRoot, 'schemas/_meta/config.schema.json');
const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_PATH, 'utf8')) as ConfigSchema;
// Compiled on first use (--help and --version check nothing), once: the CLI may check three sources (file, environment, flags).
let validate: ValidateFunction | undefined;

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const SETTINGS: readonly SettingSpec[] = (Object.keys(SPELLING) as SettingKey[]).map((key) => {
  const spelling: { arg?: string; flag?: string } = SPELLING[key];
  const property = schema.properties[key];
  if (!property) throw new Error(`${CONFIG_SCHEMA_PATH}: no property ${key}`);
  return {
    key,
    flag: spelling.flag ?? `--${kebab(key)}`,
    env: `IDCARD_MOCK_${kebab(key).replace(/-/g, '_').toUpperCase()}`,
    kind: property.type === 'array' ? 'list' : property.type ?? 'string',
    arg: property.enum?.join('|') ?? spelling.arg ?? '',
    negated: spelling.flag?.startsWith('--no-') ?? false,
    help: property.description,
  };
});

/** The settings of a plain `idcard-mock start`. */
export function defaultSettings(ctx: CliContext): Settings {
  const c = defaultConfig();
  return {
    port: c.port, host: c.host, auth: c.auth, seed: c.seed, flavor: c.flavor, credentials: undefined, rateLimit: c.rateLimit,
    rateLimitPerMinute: c.rateLimitPerMinute, fetchImageUrls: c.fetchImageUrls, strictRegister: c.strictRegister,
    logFormat: c.logFormat, quiet: c.quiet, tls: false, tlsDir: defaultTlsDir(ctx.env, ctx.home), scenarios: [...c.scenarioDirs], watch: false,
    scenario: c.scenario, adminToken: c.adminToken, journalSize: c.journalSize, coverageOut: c.coverageOut,
    debugSignatures: c.debugSignatures ?? false, requestLogging: c.logRequests ?? true, state: 'memory', statePrefix: 'idcard-mock',
  };
}

/** The config schema's complaints about `value` (an object of settings); empty when it conforms. */
export function checkSettings(value: unknown): ErrorObject[] {
  validate ??= compileSchema(schema);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

// Settings and data files describe a wrong value in the same words.
export { describeProblem };

/** The setting an Ajv error is about: the first step of its path (`/scenarios/1` → `scenarios`); '' for the whole object. */
export function settingOf(e: ErrorObject): string {
  return e.instancePath.split('/')[1] ?? '';
}
