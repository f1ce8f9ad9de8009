import { apiKey } from '../data/apiKey.ts';
import type { ApiDefinition } from '../data/types.ts';

/** Outcomes of one API this run has produced, by any route: `error:<code>`, `warning:<code>`, `result:<code>`. */
export class Coverage implements CoverageStore {
  private readonly outcomes = new Map<string, Set<string>>();

  record(api: string, outcome: string): Promise<void> {
    let s = this.outcomes.get(api);
    if (!s) this.outcomes.set(api, (s = new Set()));
    s.add(outcome);
    return Promise.resolve();
  }

  seen(): Promise<Map<string, Set<string>>> {
    return Promise.resolve(new Map([...this.outcomes].map(([k, v]) => [k, new Set(v)])));
  }

  reset(): Promise<void> {
    this.outcomes.clear();
    return Promise.resolve();
  }
}

/** Every documented error, warning and result code of each API, whether it was produced, and the share that was. */
export function reportCoverage(seenByApi: ReadonlyMap<string, ReadonlySet<string>>, apis: Iterable<ApiDefinition>, commonErrors: (provider: string) => Iterable<string>): CoverageReport {
  const out: CoverageReport = {};
  for (const api of apis) {
    const key = apiKey(api.meta);
    const seen = seenByApi.get(key) ?? new Set<string>();
    const table = (kind: string, codes: Iterable<string>): Record<string, boolean> =>
      Object.fromEntries([...new Set(codes)].map((c) => [c, seen.has(`${kind}:${c}`)]));
    const errors = table('error', [...Object.keys(api.errors), ...commonErrors(api.meta.provider)]);
    const warnings = table('warning', Object.keys(api.warnings));
    const results = table('result', Object.keys(api.results.results));
    const all = [...Object.values(errors), ...Object.values(warnings), ...Object.values(results)];
    const covered = all.filter(Boolean).length;
    out[key] = { errors, warnings, results, covered, total: all.length, percent: all.length ? Math.round((covered / all.length) * 1000) / 10 : 100 };
  }
  return out;
}

export type CoverageReport = Record<string, {
  errors: Record<string, boolean>;
  warnings: Record<string, boolean>;
  results: Record<string, boolean>;
  covered: number;
  total: number;
  percent: number;
}>;

export interface CoverageStore {
  record(api: string, outcome: string): Promise<void>;
  /** Every outcome produced so far, by API key (`error:<code>`, `warning:<code>`, `result:<code>`). */
  seen(): Promise<Map<string, Set<string>>>;
  reset(): Promise<void>;
}
