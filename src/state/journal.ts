
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
  /** With shared state (--state redis://…): which replica answered (`host:port`). */
  replica?: string;
  /** Why a signature failed: the likely cause, our canonical request and string to sign. */
  diagnosis?: { cause: string; canonicalRequest?: string; stringToSign?: string };
}

/** A request the journal keeps, made into its entry only when read (src/journalEntries/journalEntry.ts RecordedRequest). */
export interface Recorded { shown(): JournalEntry }

/** What a journal takes: an entry, or a request kept compact until read. */
export type Recordable = JournalEntry | Recorded;

export function entryOf(r: Recordable): JournalEntry {
  return typeof (r as Partial<Recorded>).shown === 'function' ? (r as Recorded).shown() : r as JournalEntry;
}

/** The last `capacity` requests, oldest first; listeners hear each one as it is recorded (the dashboard's live feed). */
export class Journal implements JournalStore {
  // A ring: recording overwrites the oldest entry instead of shifting a thousand down one place.
  private ring: Recordable[] = [];
  private next = 0;
  private readonly listeners = new Listeners();
  constructor(private readonly capacity = 1000) {}

  record(entry: Recordable): Promise<void> {
    if (this.capacity > 0) {
      if (this.ring.length < this.capacity) this.ring.push(entry);
      else this.ring[this.next] = entry;
      this.next = (this.next + 1) % this.capacity;
    }
    // Made into an entry now only if someone listens (the dashboard's feed); else when read.
    if (this.listeners.size) this.listeners.tell(entryOf(entry));
    return Promise.resolve();
  }

  onRecord(fn: (entry: JournalEntry) => void): () => void {
    return this.listeners.add(fn);
  }

  list(): Promise<JournalEntry[]> {
    const ring = this.ring.length < this.capacity ? this.ring : [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)];
    return Promise.resolve(ring.map(entryOf));
  }

  reset(): Promise<void> {
    this.ring = [];
    this.next = 0;
    return Promise.resolve();
  }
}

/**
 * Who hears each recorded entry. Kept across reset(): an open dashboard goes on hearing the requests
 * that follow a reset. A listener that throws does not keep the entry from the others.
 */
export class Listeners {
  private readonly fns = new Set<(entry: JournalEntry) => void>();

  get size(): number {
    return this.fns.size;
  }

  add(fn: (entry: JournalEntry) => void): () => void {
    this.fns.add(fn);
    return () => { this.fns.delete(fn); };
  }

  tell(entry: JournalEntry): void {
    for (const fn of this.fns) {
      try {
        fn(entry);
      } catch (e) {
        console.error('idcard-mock: a journal listener failed', e);
      }
    }
  }
}

export interface JournalStore {
  record(entry: Recordable): Promise<void>;
  /** The entries, oldest first. */
  list(): Promise<JournalEntry[]>;
  /** Calls `fn` with every entry recorded from now on, by any replica; returns the function that stops it. */
  onRecord(fn: (entry: JournalEntry) => void): () => void;
  reset(): Promise<void>;
}
