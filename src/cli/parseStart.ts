import { resolve } from 'node:path';
import { defaultConfig } from '../config.ts';
import type { Command } from './Command.ts';
import type { Layer } from './Layer.ts';
import { configFileLayer } from './configFileLayer.ts';
import { envLayer } from './envLayer.ts';
import { flagLayer, SETTING_FLAGS } from './flagLayer.ts';
import { packageVersion } from './packageVersion.ts';
import { readCredentialsFile } from './readCredentialsFile.ts';
import { readFlags, type FlagOption } from './readFlags.ts';
import { settingPathProblems } from './settingPathProblems.ts';
import { defaultSettings, type CliContext, type Settings } from './settings.ts';
import { UsageError } from './UsageError.ts';
import { mainUsage, startUsage } from './usage.ts';

/** Flags of start that are not settings, so not config keys either. */
const OTHER_FLAGS: readonly FlagOption[] = [
  { name: 'config', type: 'string' },
  { name: 'validate-data', type: 'boolean' },
  { name: 'help', type: 'boolean', short: 'h' },
  { name: 'version', type: 'boolean' },
];

/**
 * `idcard-mock [start] …`: defaults ← config file ← IDCARD_MOCK_* variables ← flags, into one frozen
 * config. Every source is checked in full and every problem thrown at once (UsageError).
 * `topLevel` is true when no command was named, which decides the --help text.
 */
export function parseStart(args: string[], ctx: CliContext, topLevel: boolean): Command {
  const flags = readFlags(args, [...OTHER_FLAGS, ...SETTING_FLAGS], 0, topLevel ? 'idcard-mock --help' : 'idcard-mock start --help');
  if (flags.values.has('help')) return { name: 'help', text: topLevel ? mainUsage(ctx) : startUsage(ctx) };
  if (flags.values.has('version')) return { name: 'version', version: packageVersion() };

  const configFlag = flags.values.get('config');
  const configVariable = ctx.env.IDCARD_MOCK_CONFIG || undefined;
  const file: Layer = typeof configFlag === 'string' ? configFileLayer(configFlag, '--config')
    : configVariable ? configFileLayer(configVariable, 'IDCARD_MOCK_CONFIG')
      : { values: {}, names: {}, problems: [] };
  const env = envLayer(ctx);
  const flagged = flagLayer(flags);
  const problems = [...flags.problems, ...file.problems, ...env.problems, ...flagged.problems];

  // The values the layers took (a wrong one is left out and reported above), so that the folders are
  // checked too when something else is wrong: every mistake is reported at once.
  const s: Settings = { ...defaultSettings(ctx), ...file.values, ...env.values, ...flagged.values };
  const config = defaultConfig({
    port: s.port, host: s.host, auth: s.auth, seed: s.seed, flavor: s.flavor, rateLimit: s.rateLimit,
    rateLimitPerMinute: s.rateLimitPerMinute, fetchImageUrls: s.fetchImageUrls, strictRegister: s.strictRegister,
    logFormat: s.logFormat, quiet: s.quiet, scenario: s.scenario, adminToken: s.adminToken, journalSize: s.journalSize, debugSignatures: s.debugSignatures, logRequests: s.requestLogging,
    state: s.state, statePrefix: s.statePrefix,
    // Absolute, so that problems, GET /__mock/scenarios and the watcher name one place whatever the working folder.
    scenarioDirs: s.scenarios.map((d) => resolve(d)), coverageOut: s.coverageOut === undefined ? undefined : resolve(s.coverageOut),
  });
  const nameOf = (key: keyof Settings): string => flagged.names[key] ?? env.names[key] ?? file.names[key] ?? key;
  problems.push(...settingPathProblems(s, nameOf));
  if (s.credentials !== undefined) problems.push(...readCredentialsFile(s.credentials, nameOf('credentials'), config.credentials, config.dataDir));
  if (problems.length) throw new UsageError(problems);
  if (flags.values.has('validate-data')) return { name: 'validate', dataDir: config.dataDir, scenarioDirs: config.scenarioDirs, dir: undefined };
  return { name: 'start', config: Object.freeze(config), tlsDir: s.tls ? s.tlsDir : undefined, watch: s.watch, warnings: env.warnings };
}
