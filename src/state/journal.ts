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
