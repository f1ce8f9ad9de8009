/** The value of a JSON text, or undefined when it is not one (or not text). */
export function jsonText(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  try { return JSON.parse(text); } catch { return undefined; }
}
