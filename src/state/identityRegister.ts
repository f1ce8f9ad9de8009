
/** A person on record: the name the ID database holds for an ID number. */
export interface RecordedPerson { name: string; idNum: string }

/**
 * Every person the OCR endpoints have returned (and every person a scenario declares) is "on record",
 * so a later verification call (IdCardOCRVerification) can answer as the ID database would. It also
 * counts verifications per value and day, for the vendor's daily limits (IdCardOCRVerification -7).
 * The persons scenarios declare are data, not state: every store asks `declared` after its own record.
 */
export class IdentityRegister implements RegisterStore {
  private readonly names = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  private day = '';

  /** `declared`: the persons scenarios declare; they stay on record across reset(). */
  constructor(private readonly declared: ReadonlyMap<string, string> = new Map()) {}

  remember(idNum: string, name: string): Promise<void> {
    if (idNum) this.names.set(idNum, name);
    return Promise.resolve();
  }

  nameOf(idNum: string): Promise<string | undefined> {
    return Promise.resolve(this.names.get(idNum) ?? this.declared.get(idNum));
  }

  /**
   * Counts one use of `key` on calendar day `day` and returns the day's count so far. Only the
   * current day is kept: a new day starts every count at zero.
   */
  countToday(day: string, key: string): Promise<number> {
    if (day !== this.day) {
      this.counts.clear();
      this.day = day;
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return Promise.resolve(n);
  }

  reset(): Promise<void> {
    this.names.clear();
    this.counts.clear();
    this.day = '';
    return Promise.resolve();
  }
}

/** The persons scenarios declare, by ID number. */
export function declaredNames(persons: Iterable<RecordedPerson>): ReadonlyMap<string, string> {
  return new Map([...persons].map((p) => [p.idNum, p.name]));
}

export interface RegisterStore {
  remember(idNum: string, name: string): Promise<void>;
  nameOf(idNum: string): Promise<string | undefined>;
  /** Counts one use of `key` on calendar day `day`; the day's count so far, this one included. */
  countToday(day: string, key: string): Promise<number>;
  reset(): Promise<void>;
}
