/** A header's value as one text: Node's header types allow an array (set-cookie, an object built by hand), of which the first counts. */
export function firstHeaderValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
