// Text form of fixture markers, e.g.
//   idcard-mock:card=mainland;side=BACK;scenario=warning:-9102,warning:-9103
// The parser lives in markers.ts (readMarkers); this is its exact inverse.
import type { ImageMarkers } from './markers.ts';

const PREFIX = 'idcard-mock:';

/** Rejects values the parser could not give back unchanged, so a broken fixture fails loudly. */
function checkPart(part: string, what: string, forbidden: string): void {
  for (const ch of forbidden) {
    if (part.includes(ch)) throw new RangeError(`marker ${what} ${JSON.stringify(part)} must not contain '${ch}'`);
  }
  if (part !== part.trim()) throw new RangeError(`marker ${what} ${JSON.stringify(part)} has surrounding whitespace`);
}

/** Formats markers as `idcard-mock:key=value;...`; undefined values are omitted. */
export function formatMarkers(m: ImageMarkers): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(m)) {
    if (value === undefined) continue;
    if (key === '') throw new RangeError('marker key must not be empty');
    checkPart(key, 'key', ';=');
    if (Array.isArray(value)) {
      // Only `scenario` is parsed back as a list; any other key would return a string.
      if (key !== 'scenario') throw new RangeError(`marker ${key} cannot be a list (only scenario is)`);
      for (const item of value) {
        if (item === '') throw new RangeError('marker scenario items must not be empty');
        checkPart(item, 'list item', ';,');
      }
      parts.push(`${key}=${value.join(',')}`);
    } else {
      if (key === 'scenario') throw new RangeError('marker scenario must be a list');
      checkPart(value, 'value', ';');
      parts.push(`${key}=${value}`);
    }
  }
  return PREFIX + parts.join(';');
}
