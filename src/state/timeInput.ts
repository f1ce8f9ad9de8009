/** An instant as the control plane takes it: epoch milliseconds, an ISO 8601 time, or a Date. */
export function instant(v: unknown): number | undefined {
  const ms = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : v instanceof Date ? v.getTime() : NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration as the control plane takes it: milliseconds, or a number with a unit (`25h`, `10m`, `30s`, `1d`, `500ms`). */
export function duration(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? /^(-?\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(v.trim()) : null;
  return m ? Number(m[1]) * UNITS[m[2]!]! : undefined;
}
