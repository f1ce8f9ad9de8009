import { apiKey } from '../data/apiKey.ts';
import type { ApiDefinition } from '../data/types.ts';

/** Outcomes of one API this run has produced, by any route: `error:<code>`, `warning:<code>`, `result:<code>`. */
export class Coverage {
  private readonly seen = new Map<string, Set<string>>();

  record(api: string, outcome: string): void {
    let s = this.seen.get(api);
    if (!s) this.seen.set(api, (s = new Set()));
    s.add(outcome);
  }

  /** Every documented error, warning and result code of each API, whether it was produced, and the share that was. */
  report(apis: Iterable<ApiDefinition>, commonErrors: (provider: string) => Iterable<string>): CoverageReport {
    const out: CoverageReport = {};
    for (const api of apis) {
      const key = apiKey(api.meta);
      const seen = this.seen.get(key) ?? new Set<string>();
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

  reset(): void {
    this.seen.clear();
  }
}

export type CoverageReport = Record<string, {
  errors: Record<string, boolean>;
  warnings: Record<string, boolean>;
  results: Record<string, boolean>;
  covered: number;
  total: number;
  percent: number;
}>;
