import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { defaultConfig, type AuthMode, type Config } from './config.ts';
import type { Flavor } from './data/types.ts';

export const USAGE = `Usage: idcard-mock [options]
  --port P                port to listen on (env IDCARD_MOCK_PORT, default 4600)
  --host H                address to bind (env IDCARD_MOCK_HOST, default 127.0.0.1)
  --auth MODE             lenient | strict | off (env IDCARD_MOCK_AUTH, default lenient)
  --seed S                seed of the fake population (env IDCARD_MOCK_SEED, default idcard-mock)
  --flavor F              domestic | intl, when the client does not reveal it (env IDCARD_MOCK_FLAVOR)
  --credentials FILE      JSON with more credential pairs (env IDCARD_MOCK_CREDENTIALS)
  --no-rate-limit         turn off the documented per-credential rate limits (env IDCARD_MOCK_RATE_LIMIT=off)
  --huawei-rate-limit N   Huawei requests per minute per credential before APIG.0308 (env IDCARD_MOCK_HUAWEI_RATE_LIMIT, default 600)
  --fetch-image-urls      download ImageUrl (3 s timeout, size cap) instead of seeding from the URL text
  --strict-register       verifying an ID nobody was issued answers "no record" (-5), not a match (env IDCARD_MOCK_STRICT_REGISTER=1)
  --validate-data         check schemas/ and scenarios/, print every problem, exit
  --help                  this text`;

export interface CliOptions { config: Config; validateOnly: boolean; help: boolean }

/** Defaults ← environment ← flags, into one frozen config. Throws an Error with a readable message on bad input. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, auth: { type: 'string' }, seed: { type: 'string' },
      flavor: { type: 'string' }, credentials: { type: 'string' },
      'huawei-rate-limit': { type: 'string' },
      'no-rate-limit': { type: 'boolean' }, 'fetch-image-urls': { type: 'boolean' }, 'strict-register': { type: 'boolean' },
      'validate-data': { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const base = defaultConfig();
  const port = Number(values.port ?? env.IDCARD_MOCK_PORT ?? base.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port ?? env.IDCARD_MOCK_PORT}`);
  const auth = oneOf<AuthMode>('auth', values.auth ?? env.IDCARD_MOCK_AUTH ?? base.auth, ['lenient', 'strict', 'off']);
  const flavor = oneOf<Flavor>('flavor', values.flavor ?? env.IDCARD_MOCK_FLAVOR ?? base.flavor, ['domestic', 'intl']);
  const huaweiRateLimitText = values['huawei-rate-limit'] ?? env.IDCARD_MOCK_HUAWEI_RATE_LIMIT;
  const huaweiRateLimitPerMinute = huaweiRateLimitText === undefined ? undefined : Number(huaweiRateLimitText);
  if (huaweiRateLimitPerMinute !== undefined && (!Number.isInteger(huaweiRateLimitPerMinute) || huaweiRateLimitPerMinute < 1)) throw new Error(`--huawei-rate-limit must be a positive integer, got ${values['huawei-rate-limit'] ?? env.IDCARD_MOCK_HUAWEI_RATE_LIMIT}`);
  const credentialsFile = values.credentials ?? env.IDCARD_MOCK_CREDENTIALS;
  if (credentialsFile) addCredentials(base, credentialsFile);
  const config = Object.freeze({
    ...base,
    port,
    host: values.host ?? env.IDCARD_MOCK_HOST ?? base.host,
    auth,
    flavor,
    seed: values.seed ?? env.IDCARD_MOCK_SEED ?? base.seed,
    huaweiRateLimitPerMinute,
    rateLimit: !(values['no-rate-limit'] || env.IDCARD_MOCK_RATE_LIMIT === 'off'),
    fetchImageUrls: !!values['fetch-image-urls'] || env.IDCARD_MOCK_FETCH_IMAGE_URLS === '1',
    strictRegister: !!values['strict-register'] || env.IDCARD_MOCK_STRICT_REGISTER === '1',
  });
  return { config, validateOnly: !!values['validate-data'], help: !!values.help };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`--${name} must be one of ${allowed.join(', ')}, got ${value}`);
  return value as T;
}

/** `{"tencent":[{"secretId","secretKey"}],"huawei":[{"ak","sk"}]}` */
function addCredentials(config: Config, file: string): void {
  let parsed: { tencent?: { secretId: string; secretKey: string }[]; huawei?: { ak: string; sk: string }[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`--credentials ${file}: ${(e as Error).message}`);
  }
  for (const c of parsed.tencent ?? []) {
    if (typeof c.secretId !== 'string' || typeof c.secretKey !== 'string') throw new Error(`--credentials ${file}: each tencent entry needs secretId and secretKey`);
    config.credentials.tencent.set(c.secretId, c.secretKey);
  }
  for (const c of parsed.huawei ?? []) {
    if (typeof c.ak !== 'string' || typeof c.sk !== 'string') throw new Error(`--credentials ${file}: each huawei entry needs ak and sk`);
    config.credentials.huawei.set(c.ak, c.sk);
  }
}
