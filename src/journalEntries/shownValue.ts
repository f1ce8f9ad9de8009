import { maskText, NESTED_TOO_DEEP } from './maskPersonal.ts';

/** Longer values are cut: a notice is one header line, and a caller's mistake can be a megabyte long. */
const MAX = 48;

/**
 * A value the caller sent, as a notice may quote it (X-Mock-Notice, the journal, the log): JSON, an
 * ID number in it masked, an image described, cut after a few dozen characters. A parameter the
 * schema marks `x-personal` is never quoted at all (the callers of this see to that).
 */
export function shownValue(value: unknown, max = MAX): string {
  const text = typeof value === 'string' ? JSON.stringify(maskText(value)) : jsonOf(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** JSON.stringify recurses: a value nested deeper than its stack allows (JSON.parse has no such limit) is named, not thrown. */
function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return NESTED_TOO_DEEP;
  }
}
