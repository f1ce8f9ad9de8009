import { maskText } from './maskPersonal.ts';

/** Longer values are cut: a notice is one header line, and a caller's mistake can be a megabyte long. */
const MAX = 48;

/**
 * A value the caller sent, as a notice may quote it (X-Mock-Notice, the journal, the log): JSON, an
 * ID number in it masked, an image described, cut after a few dozen characters. A parameter the
 * schema marks `x-personal` is never quoted at all (the callers of this see to that).
 */
export function shownValue(value: unknown, max = MAX): string {
  const text = typeof value === 'string' ? JSON.stringify(maskText(value)) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
