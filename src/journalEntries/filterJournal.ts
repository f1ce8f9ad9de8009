import type { JournalEntry } from '../state/journal.ts';

/** What GET /__mock/journal and startMock's journal() filter on; every given field must match. */
export interface JournalFilter {
  /** The action, e.g. `IDCardOCR`. */
  api?: string;
  /** A Tencent SecretId, a Huawei AK, an IAM token's user. */
  caller?: string;
  /** `ok`, the error code answered, or `fault:<kind>`. */
  outcome?: string;
  /** Only entries recorded at or after this instant (epoch milliseconds). */
  since?: number;
}

export function filterJournal(entries: readonly JournalEntry[], f: JournalFilter): JournalEntry[] {
  return entries.filter((e) =>
    (f.api === undefined || e.action === f.api) && (f.caller === undefined || e.caller === f.caller)
    && (f.outcome === undefined || e.outcome === f.outcome) && (f.since === undefined || Date.parse(e.time) >= f.since));
}
