import type { CatalogEntry, DataSet, Language } from './types.ts';

/** Finds a code in the API's own catalog, then its provider's common catalog, then the emulator's own. */
export function lookupError(data: DataSet, provider: string, action: string | undefined, code: string): CatalogEntry | undefined {
  const api = action ? data.apis.get(`${provider}:${action}`) : undefined;
  return api?.errors[code] ?? data.commonErrors[provider]?.[code] ?? data.mockErrors[code];
}

/** The message in the caller's language with {placeholders} filled; unknown placeholders are left as they are. */
export function formatMessage(entry: CatalogEntry, lang: Language, vars: Record<string, string | number>, variant?: string): string {
  const chosen = (variant && entry.variants?.[variant]) || entry;
  const text = lang === 'zh-CN' ? chosen.zh : chosen.en;
  const all: Record<string, string | number> = { ...entry.vars, ...vars };
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in all ? String(all[k]) : m));
}
