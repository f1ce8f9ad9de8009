// Fixture markers: a text comment inside an image telling the emulator what the
// picture "shows" (card type, side, scenario), since it cannot really read it.
// Only the container structure is walked (JPEG segment headers up to SOS, PNG
// chunks up to IDAT), never the compressed image data, so a 10 MB upload costs
// a few dozen byte reads.

export interface ImageMarkers {
  card?: string;
  side?: string;
  scenario?: string[];
  [key: string]: string | string[] | undefined;
}

/** The side a fixture's marker says the card shows, in any case (`side=BACK`, `side=back`); nothing for another value. */
export function markedSide(markers: ImageMarkers): 'front' | 'back' | undefined {
  const side = typeof markers.side === 'string' ? markers.side.toLowerCase() : undefined;
  return side === 'front' || side === 'back' ? side : undefined;
}

// Same literal as in markerText.ts (formatMarkers), whose output this parses.
const PREFIX = 'idcard-mock:';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The in-band form a user can write with any image tool: `mock-scenario=<names>` in a comment or text chunk. */
const IN_BAND = 'mock-scenario=';
const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

function parseMarkerText(text: string): ImageMarkers | undefined {
  if (text.startsWith(IN_BAND)) return { scenario: list(text.slice(IN_BAND.length)) };
  if (!text.startsWith(PREFIX)) return undefined;
  const markers: ImageMarkers = {};
  for (const part of text.slice(PREFIX.length).split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue; // tolerate stray separators in hand-written fixtures
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === '') continue;
    markers[key] = key === 'scenario' ? list(value) : value;
  }
  return markers;
}

const decodeText = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8');

/** Comment texts from JPEG COM segments before the first scan. */
function* jpegComments(b: Uint8Array): Generator<string> {
  let pos = 2; // after SOI
  while (pos + 1 < b.length) {
    if (b[pos] !== 0xff) return; // lost sync: corrupt header, stop quietly
    const marker = b[pos + 1] ?? 0;
    if (marker === 0xff) { pos++; continue; } // fill byte before a marker
    pos += 2;
    // Standalone markers (TEM, RSTn, SOI) carry no length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xda || marker === 0xd9) return; // SOS / EOI: entropy data follows
    if (pos + 2 > b.length) return;
    const length = ((b[pos] ?? 0) << 8) | (b[pos + 1] ?? 0);
    if (length < 2 || pos + length > b.length) return;
    if (marker === 0xfe) yield decodeText(b, pos + 2, pos + length);
    pos += length;
  }
}

/** Texts of PNG tEXt chunks before the first IDAT (a `mock-scenario` keyword gives `mock-scenario=<text>`). */
function* pngComments(b: Uint8Array): Generator<string> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let pos = 8; // after signature
  while (pos + 8 <= b.length) {
    const length = view.getUint32(pos);
    const type = String.fromCharCode(...b.subarray(pos + 4, pos + 8));
    const dataStart = pos + 8;
    if (type === 'IDAT' || type === 'IEND' || dataStart + length > b.length) return;
    if (type === 'tEXt') {
      const nul = b.subarray(dataStart, dataStart + length).indexOf(0);
      if (nul >= 0) {
        const keyword = decodeText(b, dataStart, dataStart + nul);
        const text = decodeText(b, dataStart + nul + 1, dataStart + length);
        yield keyword === 'mock-scenario' ? `${IN_BAND}${text}` : text;
      }
    }
    pos = dataStart + length + 4; // skip data and CRC
  }
}

/**
 * Markers from the first `idcard-mock:` or `mock-scenario=` comment in a JPEG or PNG; {} when the
 * bytes are not such an image or carry no marker comment.
 */
export function readMarkers(bytes: Uint8Array): ImageMarkers {
  let comments: Iterable<string> = [];
  if (bytes[0] === 0xff && bytes[1] === 0xd8) comments = jpegComments(bytes);
  else if (PNG_SIGNATURE.every((v, i) => bytes[i] === v)) comments = pngComments(bytes);
  for (const text of comments) {
    const markers = parseMarkerText(text);
    if (markers) return markers;
  }
  return {};
}
