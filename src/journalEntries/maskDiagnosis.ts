import { maskPersonal } from './maskPersonal.ts';
import type { SignatureDiagnosis } from '../errors.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

// `key=value` pairs as canonical query strings and v1 strings to sign carry them (keys flattened as
// `Encryption.Iv` or `EncryptList.0`). A key starts a line or follows `?` or `&`: unanchored, a long
// run of key characters with no `=` (a v1 image parameter's Base64) was retried from every position,
// quadratic: a 300 KB form body held the event loop for a minute.
const PAIR = /(?<=^|[\n?&])([A-Za-z0-9_.]+)=([^&\n]*)/g;

/**
 * A failed signature's diagnosis as it may leave the process. A GET or v1 request signs its parameters,
 * so the canonical request and the string to sign hold them in clear (an `IdCard`, a `Name`): each
 * value is masked as its parameter is in the journal's params (the request schema's `x-personal`,
 * otherwise maskText), shown decoded. Everything else (the order, the headers, the hashes) stays, so
 * the diagnosis can still be read against one's own.
 */
export function maskDiagnosis(d: SignatureDiagnosis, requestSchema: JsonSchema | undefined): SignatureDiagnosis {
  const mask = (text: string | undefined): string | undefined => text?.replace(PAIR, (_m, key: string, value: string) => `${key}=${maskValue(key, value, requestSchema)}`);
  return { cause: d.cause, canonicalRequest: mask(d.canonicalRequest), stringToSign: mask(d.stringToSign) };
}

function maskValue(key: string, raw: string, schema: JsonSchema | undefined): string {
  let value = raw;
  try { value = decodeURIComponent(raw.replace(/\+/g, ' ')); } catch { /* shown as sent */ }
  // The flattened key as a nested object, so maskPersonal finds the property's annotation the same way.
  const path = key.split('.');
  const nested = path.reduceRight<unknown>((inner, k) => (/^\d+$/.test(k) ? [inner] : { [k]: inner }), value);
  let out: unknown = maskPersonal(nested, schema);
  for (const k of path) out = /^\d+$/.test(k) ? (out as unknown[])[0] : (out as Record<string, unknown>)[k];
  return String(out);
}
