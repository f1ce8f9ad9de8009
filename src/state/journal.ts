/** The stages of the request lifecycle (src/lifecycle.ts), in order. */
export const STAGES = ['capture', 'decode', 'findApi', 'authenticate', 'rateLimit', 'validate', 'chooseScenario', 'produce', 'render', 'record'] as const;
export type Stage = (typeof STAGES)[number];

/** One answered request, as the admin API shows it (`GET /__mock/journal`). */
export interface JournalEntry {
  time: string;
  provider: string;
  action?: string;
  /** Tencent: which flavour (domestic or intl) the request was answered as. */
  flavor?: string;
  requestId: string;
  /** Who called: a Tencent SecretId, a Huawei AK, an IAM token's user; `anonymous` when unknown. */
  caller?: string;
  /** How the request was sent (tc3-json, v1-form, rest, …). */
  style?: string;
  scenarios: string[];
  /** Which way of choosing gave the scenario (header, marker, binding, active, when, default). */
  rule?: string;
  /** What the emulator did other than what was asked, and why (also in the X-Mock-Notice header). */
  notices: string[];
  /** `ok`, the error code answered, or `fault:<kind>` */
  outcome: string;
  status: number;
  durationMs: number;
  /** The lifecycle stages the request went through, in order. */
  stages: Stage[];
  /** The request as received, personal data masked, secrets left out. */
  request?: { method?: string; path: string; headers: Record<string, string>; params?: Record<string, unknown> };
  /** The answer as sent, personal data masked. */
  response?: { headers: Record<string, string>; body?: unknown };
  /** Why a signature failed: the likely cause, our canonical request and string to sign. */
  diagnosis?: { cause: string; canonicalRequest?: string; stringToSign?: string };
}

/** The last `capacity` requests, oldest first. */
export class Journal {
  private entries: JournalEntry[] = [];
  constructor(private readonly capacity = 1000) {}

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): readonly JournalEntry[] {
    return this.entries;
  }

  reset(): void {
    this.entries = [];
  }
}
