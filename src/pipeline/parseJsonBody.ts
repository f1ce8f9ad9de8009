import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';

/** Bodies from this size on take the large-body path. */
const LARGE_BODY = 64 * 1024;
/** String literals from this length on are cut out before JSON.parse. */
const LARGE_LITERAL = 16 * 1024;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** JSON allows no raw control character inside a string (RFC 8259 §7). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f]/;
/** Stands for a cut-out literal; the NUL and the per-process nonce keep it from meeting a real value. */
const MARK = `\u0000idcard-mock-${randomBytes(6).toString('hex')}:`;

/**
 * JSON.parse of a request body, the same value and the same errors, but cheaper for a 7 MB body.
 *
 * Such a body is one huge base64 string (ImageBase64, Huawei's image) in a few small fields. Turning
 * all of it into text and then parsing that text copies the huge string twice, and each copy of 7 MB
 * costs tens of milliseconds here (the profile in bench/profile.ts showed 25 ms for toString and 27 ms
 * for JSON.parse per request). Here long literals without escapes are found with Buffer#indexOf
 * (native), cut out of the text and parsed as placeholders, and each becomes a string once. A literal
 * with a backslash, a control character, a placeholder used as a key, or a text that does not parse
 * sends the whole body down the plain path, so what JSON.parse accepts and rejects is unchanged.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length >= LARGE_BODY) {
    const value = parseLarge(body);
    if (value !== FALLBACK) return value;
  }
  return JSON.parse(body.toString('utf8'));
}

const FALLBACK = Symbol('fallback');

function parseLarge(body: Buffer): unknown {
  const literals: string[] = [];
  const pieces: string[] = [];
  let copied = 0;
  for (let at = body.indexOf(QUOTE); at >= 0;) {
    const end = body.indexOf(QUOTE, at + 1);
    if (end < 0) return FALLBACK;
    const escape = body.indexOf(BACKSLASH, at + 1);
    if (escape >= 0 && escape < end) return FALLBACK; // the next quote may be escaped: only JSON.parse can tell
    if (end - at - 1 >= LARGE_LITERAL) {
      const bytes = body.subarray(at + 1, end);
      const text = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
      if (CONTROL.test(text)) return FALLBACK;
      pieces.push(body.toString('utf8', copied, at), JSON.stringify(`${MARK}${literals.length}`));
      literals.push(text);
      copied = end + 1;
    }
    at = body.indexOf(QUOTE, end + 1);
  }
  if (literals.length === 0) return FALLBACK;
  pieces.push(body.toString('utf8', copied));
  let value: unknown;
  try {
    value = JSON.parse(pieces.join(''));
  } catch {
    return FALLBACK; // the plain path throws JSON.parse's own message, with positions in the real body
  }
  try {
    return restore(value, literals);
  } catch {
    return FALLBACK; // nested deeper than the stack allows: JSON.parse alone can take it
  }
}

/** Puts the literals back where their placeholders are; FALLBACK if one stands as a key. */
function restore(value: unknown, literals: string[]): unknown {
  if (typeof value === 'string') return value.startsWith(MARK) ? literals[Number(value.slice(MARK.length))] : value;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = restore(value[i], literals);
      if (v === FALLBACK) return FALLBACK;
      value[i] = v;
    }
    return value;
  }
  const o = value as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (k.startsWith(MARK)) return FALLBACK;
    const v = restore(o[k], literals);
    if (v === FALLBACK) return FALLBACK;
    // defineProperty: an own `__proto__` key (JSON.parse makes one) must stay a plain property.
    if (v !== o[k]) Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  return value;
}
