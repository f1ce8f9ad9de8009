import type { ApiDefinition } from '../data/types.ts';

/**
 * Whether a present warning is reported, as the real service decides: only when the request turned on
 * its flag (in the JSON text of `warningFlagsIn`, Tencent's Config, or a parameter itself, Huawei's
 * detect_*) and its `requires` hold (CardWarnType Advanced). A code named outright is reported in
 * either flavour (the shared names pick the flavour's code: chooseScenarios). Returns
 * undefined when it is reported, else why not (for the notice that says what was held back).
 */
export function warningGate(api: ApiDefinition, code: string, params: Record<string, unknown>): string | undefined {
  const w = api.warnings[code];
  if (!w) return `${api.meta.action} has no warning ${code}`;
  const where = api.warningFlagsIn;
  const flags = where ? jsonObject(params[where]) : params;
  if (w.flag !== undefined && flags[w.flag] !== true) return `warning ${code} held back: the request did not turn on ${where ? `${where}.` : ''}${w.flag}`;
  for (const [k, v] of Object.entries(w.requires ?? {})) {
    if (params[k] !== v) return `warning ${code} held back: it needs ${k}=${v}`;
  }
  return undefined;
}

function jsonObject(text: unknown): Record<string, unknown> {
  if (typeof text !== 'string' || text === '') return {};
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
