// Chinese mobile numbers: 11 digits beginning with 1 (the national significant number of a mainland
// mobile, ITU-T E.164 country code 86), the carrier by its prefix as Google libphonenumber allocates it
// (data/mobileCarriers.json, with its source).
import { loadJson } from './loadJson.ts';

const table = (loadJson('mobileCarriers.json') as { prefixes: Record<string, string> }).prefixes;
const longest = Math.max(...Object.keys(table).map((p) => p.length));

/**
 * What a phone number is: `undefined` when it is not 11 digits beginning with 1; else the carrier its
 * longest matching prefix is allocated to (`mobile`, `telecom`, `unicom`, `broadnet`), or `null` for
 * a number of an unallocated prefix (161, 140): well-formed, but no carrier serves it.
 */
export function mobileCarrier(phone: string): string | null | undefined {
  if (!/^1\d{10}$/.test(phone)) return undefined;
  for (let n = longest; n > 0; n--) {
    const carrier = table[phone.slice(0, n)];
    if (carrier !== undefined) return carrier;
  }
  return null;
}
