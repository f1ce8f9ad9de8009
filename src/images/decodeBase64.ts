// Strict RFC 4648 base64 decoding for request bodies (ImageBase64 fields).
// Buffer.from(s, 'base64') silently skips invalid characters and accepts the
// URL-safe alphabet, so a garbage payload would "decode" to garbage bytes and be
// reported as a corrupt image instead of an invalid parameter. We therefore
// validate with one linear pass (no regex: payloads reach 10 MB) and only then
// let Buffer do the fast native decoding.

/** 1 for the 64 standard alphabet characters, 2 for tolerated whitespace. */
const CLASS = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  CLASS[c.charCodeAt(0)] = 1;
}
for (const c of ' \t\n\r\f') CLASS[c.charCodeAt(0)] = 2;

const PAD = 0x3d; // '='

/** Length of a leading `data:image/<type>;base64,` prefix, or 0 when there is none. */
function dataUrlPrefixLength(text: string, from: number): number {
  if (!text.startsWith('data:', from)) return 0;
  // The header is short; bound the search so a huge non-data-URL string stays cheap.
  const comma = text.indexOf(',', from);
  if (comma < 0 || comma - from > 200) return 0;
  const header = text.slice(from, comma).toLowerCase();
  return /^data:image\/[a-z0-9.+-]+;base64$/.test(header) ? comma + 1 - from : 0;
}

/**
 * Decodes standard base64 (padding optional, whitespace anywhere, optional
 * data-URL prefix). Returns undefined for bad characters, misplaced or excess
 * padding, or a length no encoder can produce. Empty input yields an empty Buffer
 * (valid base64 of zero bytes); callers decide whether empty is acceptable.
 */
export function decodeBase64(text: string): Buffer | undefined {
  let start = 0;
  while (start < text.length && CLASS[text.charCodeAt(start)] === 2) start++;
  start += dataUrlPrefixLength(text, start);

  let symbols = 0;
  let padding = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? CLASS[code] : 0;
    if (cls === 2) continue;
    if (code === PAD) {
      if (++padding > 2) return undefined;
      continue;
    }
    // Data after padding means two concatenated encodings or corruption.
    if (cls !== 1 || padding > 0) return undefined;
    symbols++;
  }
  // One leftover symbol carries only 6 bits: not a whole byte, impossible length.
  if (symbols % 4 === 1) return undefined;
  if (padding > 0 && (symbols + padding) % 4 !== 0) return undefined;
  return Buffer.from(start === 0 ? text : text.slice(start), 'base64');
}
