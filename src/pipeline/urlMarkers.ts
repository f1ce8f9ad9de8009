import type { ApiDefinition } from '../data/types.ts';

const MARKER = /[?#&]mock-scenario=([^&#]*)/;

/**
 * Scenario names an image URL carries in its query or fragment (`…/card.jpg?mock-scenario=FailedOperation.ImageBlur`,
 * `…#mock-scenario=warning:copy`): an in-band marker that needs no change to the app, only to the URL it sends.
 */
export function urlMarkers(api: ApiDefinition, params: Record<string, unknown>): string[] {
  const rules = [api.meta.image, ...Object.values(api.meta.extraImages ?? {})];
  const names: string[] = [];
  for (const r of rules) {
    const url = r ? params[r.url] : undefined;
    const m = typeof url === 'string' ? MARKER.exec(url) : null;
    if (!m) continue;
    let text = m[1]!;
    try { text = decodeURIComponent(text.replaceAll('+', ' ')); } catch { /* keep it as sent */ }
    for (const n of text.split(',').map((s) => s.trim()).filter(Boolean)) if (!names.includes(n)) names.push(n);
  }
  return names;
}
