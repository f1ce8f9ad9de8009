/** One answered request, as the admin API shows it (`GET /__mock/journal`). */
export interface JournalEntry {
  time: string;
  provider: string;
  action?: string;
  /** Tencent: which flavour (domestic or intl) the request was answered as. */
  flavor?: string;
  requestId: string;
  scenarios: string[];
  /** `ok`, or the error code answered */
  outcome: string;
  durationMs: number;
}

/** What a provider knows about a call when it has answered it. */
export interface AnsweredCall { started: number; action?: string; flavor?: string; requestId: string; scenarioNames: string[] }

/** The last `capacity` requests, oldest first. */
export class Journal {
  private entries: JournalEntry[] = [];
  constructor(private readonly capacity = 1000) {}

  record(entry: JournalEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Records an answered call of `provider`; `now` is the emulator's clock, in milliseconds. */
  recordCall(provider: string, call: AnsweredCall, outcome: string, now: number): void {
    this.record({
      time: new Date(call.started).toISOString(),
      provider,
      action: call.action,
      ...(call.flavor ? { flavor: call.flavor } : {}),
      requestId: call.requestId,
      scenarios: call.scenarioNames,
      outcome,
      durationMs: now - call.started,
    });
  }

  list(): readonly JournalEntry[] {
    return this.entries;
  }

  reset(): void {
    this.entries = [];
  }
}
