import type { JournalEntry } from './state/journal.ts';
import type { Flavor } from './data/types.ts';
import type { LogFormat } from './log/formatLogLine.ts';
import { packageRoot } from './packageRoot.ts';

export type AuthMode = 'lenient' | 'strict' | 'off';

/** Per provider (its name in schemas/), credential id → secret, beside the provider's well-known pair (provider.json `testCredentials`). */
export type Credentials = Record<string, Map<string, string>>;

export interface Config {
  host: string;
  port: number;
  auth: AuthMode;
  seed: string;
  rateLimit: boolean;
  /** Requests per credential in each provider's shared rate window (provider.json `limits.rateLimit`), over the data's. */
  rateLimitPerMinute?: number;
  fetchImageUrls: boolean;
  flavor: Flavor;
  /** Where schemas/ and scenarios/ live (the package root by default). */
  dataDir: string;
  /** The user's scenario folders (`--scenarios`), laid out like scenarios/, layered over it in order. */
  scenarioDirs: readonly string[];
  credentials: Credentials;
  /** The emulator's clock, in milliseconds; tests move it instead of sleeping. */
  now: () => number;
  /** Validate every response against its schema before sending it (tests turn this on). */
  checkResponses: boolean;
  /** Verification of a valid ID number that is not on record answers "no such record" (IdCardOCRVerification -5) instead of a match. */
  strictRegister: boolean;
  /** How request log lines are written: `pretty` (aligned, for people) or `json` (one object a line, for tools). */
  logFormat: LogFormat;
  /** Print nothing but errors: no banner, no request log. */
  quiet: boolean;
  /** The server-wide active scenario (`--scenario`), restored on reset. */
  scenario?: string;
  /** How many requests the journal keeps. */
  journalSize: number;
  /** With it, a failed signature's diagnosis also goes into an X-Mock-Signature-Debug response header. */
  debugSignatures?: boolean;
  /** The CLI prints a request log line per request (unless --quiet or --no-request-log). */
  logRequests?: boolean;
  /** Called with every journal entry as it is recorded (the CLI prints the request log line from it). */
  requestLog?: (entry: JournalEntry) => void;
  /** With it, the admin API (/__mock) answers non-loopback callers that send it as a Bearer token. */
  adminToken?: string;
  /** Where the state lives: `memory` (the default) or a Redis URL (`redis://[user:pass@]host:port[/db]`, `rediss://` for TLS) shared by replicas. */
  state?: string;
  /** The prefix of every key in Redis (`--state-prefix`): several emulators apart in one Redis. */
  statePrefix?: string;
  /** Where the CLI writes the coverage report (GET /__mock/coverage) when a signal stops it. */
  coverageOut?: string;
}

export { packageRoot };

export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return {
    host: '127.0.0.1',
    port: 4600,
    auth: 'lenient',
    seed: 'idcard-mock',
    rateLimit: true,
    fetchImageUrls: false,
    flavor: 'domestic',
    dataDir: packageRoot,
    scenarioDirs: [],
    credentials: {},
    now: () => Date.now(),
    checkResponses: false,
    strictRegister: false,
    logFormat: 'pretty',
    quiet: false,
    journalSize: 1000,
    ...overrides,
  };
}

