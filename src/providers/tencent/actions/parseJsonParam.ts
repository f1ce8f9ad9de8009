/** A JSON-text parameter (Tencent `Config`) already checked by validation; absent or empty is `{}`. */
export function parseJsonParam(value: unknown): Record<string, unknown> {
  return typeof value === 'string' && value !== '' ? (JSON.parse(value) as Record<string, unknown>) : {};
}
