import { apiKey } from './apiKey.ts';
import type { CatalogEntry, DataSet, Language } from './types.ts';

/** Finds a code in the API's own catalog, then its provider's common catalog, then the emulator's own. */
export function lookupError(data: DataSet, provider: string, action: string | undefined, code: string): CatalogEntry | undefined {
  const api = action ? data.apis.get(apiKey({ provider, action })) : undefined;
  return api?.errors[code] ?? data.commonErrors[provider]?.[code] ?? data.mockErrors[code];
}

/** The message in the caller's language with {placeholders} filled; unknown placeholders are left as they are. */
export function formatMessage(entry: CatalogEntry, lang: Language, vars: Record<string, string | number>, variant?: string): string {
  const all: Record<string, string | number> = { ...entry.vars, ...vars };
  const fill = (m: { en: string; zh: string }): { text: string; unfilled: boolean } => {
    let unfilled = false;
    const text = (lang === 'zh-CN' ? m.zh : m.en).replace(/\{(\w+)\}/g, (ph, k: string) => (k in all ? String(all[k]) : (unfilled = true, ph)));
    return { text, unfilled };
  };
  // A variant tells what the trigger found ({size} bytes …); one raised without those facts (a request
  // head refused by Node's parser has no size) says the code's plain message, never a bare placeholder.
  const chosen = variant ? entry.variants?.[variant] : undefined;
  const specific = chosen ? fill(chosen) : undefined;
  return specific && !specific.unfilled ? specific.text : fill(entry).text;
}
