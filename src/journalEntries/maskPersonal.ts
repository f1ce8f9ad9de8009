import { createHash } from 'node:crypto';
import { sniffImage } from '../images/sniffImage.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';
import type { PersonalKind } from '../data/personalKinds.ts';

type Json = unknown;

/** An ID number (mainland, Macao, Huawei `number`): its last 4 characters, only when at least 15 long. */
const maskIdNumber = (v: string): string => (v.length >= 15 ? `${'*'.repeat(v.length - 4)}${v.slice(-4)}` : '*'.repeat(v.length));
/** A birth date in any vendor format (`1992/2/18`, `1992-02-18`, Macao `18-02-1992`): its year, every other digit starred. */
const maskBirthDate = (v: string): string => v.replace(/\d+/g, (run) => (run.length === 4 ? run : '*'.repeat(run.length)));
/** A name: its first character (the surname, for Chinese names). */
const maskName = (v: string): string => (v ? `${[...v][0]}${'*'.repeat(Math.max(1, [...v].length - 1))}` : v);
/** An address: its first 6 characters (province and city), never the street or house. */
const maskAddress = (v: string): string => ([...v].length > 6 ? `${[...v].slice(0, 6).join('')}…` : '…');
/** A phone or bank-card number: its last 4 digits, as banks and carriers show them. */
const maskLastFour = (v: string): string => (v.length > 4 ? `${'*'.repeat(v.length - 4)}${v.slice(-4)}` : '*'.repeat(v.length));
/** A passport or travel-permit number (8-10 characters): its last 2, too few to find the document by. */
const maskLastTwo = (v: string): string => (v.length > 2 ? `${'*'.repeat(v.length - 2)}${v.slice(-2)}` : '*'.repeat(v.length));
/** A machine-readable zone line holds the number, the birth date and the name together: only its length leaves. */
const maskWhole = (v: string): string => (v ? `<${v.length} characters>` : v);

/**
 * How each kind of personal field leaves the process (schemas' `x-personal`). The rule is for
 * combinations, not fields: nothing that leaves may rebuild a full ID number, a name, an address, a
 * phone or a bank-card number. A mainland number is its region (6), birth date (8), sequence and check
 * digit (4), so it keeps only its last 4 and a birth date keeps only its year: showing the first 6 as
 * well, beside a clear birth date, would leave nothing hidden (GB 11643-1999).
 */
const MASKERS: Record<Exclude<PersonalKind, 'image'>, (v: string) => string> = {
  idNumber: maskIdNumber,
  birthDate: maskBirthDate,
  name: maskName,
  address: maskAddress,
  phone: maskLastFour,
  bankCard: maskLastFour,
  secret: (v) => (v ? '<secret>' : v),
  documentNumber: maskLastTwo,
  mrz: maskWhole,
};

/** An image as format, dimensions, size and a sha256 prefix, never its bytes. */
export function describeImage(base64: string): string {
  const bytes = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
  const info = sniffImage(bytes);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return `<image ${info ? `${info.format} ${info.width}x${info.height}` : 'unreadable'} ${bytes.length} bytes sha256:${hash}>`;
}

// 18-character mainland numbers and the 15-digit ones issued before 1999, wherever they stand in text.
const ID_NUMBER = /(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])/g;
const LONG_BASE64 = /^[A-Za-z0-9+/=\s]{256,}$/;

/** Any text: ID numbers masked where they stand; a long base64 run described as an image. */
export function maskText(v: string): string {
  if (LONG_BASE64.test(v)) return describeImage(v);
  return v.replace(ID_NUMBER, maskIdNumber);
}

/**
 * A request's parameters or a response body with its personal data masked, as the schema annotates it
 * (`x-personal` on request.json and response.json properties), and every other string through maskText,
 * so an ID number or an image in an unannotated place is masked too. JSON-text fields (AdvancedInfo)
 * are parsed, masked and shown as objects.
 */
/** Deeper than any vendor body: a request nested further is shown as cut, not walked (it could exhaust the stack). */
const MAX_DEPTH = 24;
/** What stands for a value nested deeper than is shown. */
export const NESTED_TOO_DEEP = '<nested too deep>';
/** Longer texts are kept as their length only: the journal holds a thousand entries, not a thousand uploads. */
const MAX_TEXT = 2048;

export function maskPersonal(value: Json, schema: JsonSchema | undefined, root: JsonSchema | undefined = schema, depth = 0): Json {
  if (depth > MAX_DEPTH) return NESTED_TOO_DEEP;
  const s = resolve(schema, root);
  if (typeof value === 'string') {
    const kind = s?.['x-personal'];
    if (kind === 'image') return value && !value.startsWith('<') ? describeImage(value) : value;
    if (kind) return MASKERS[kind](value);
    if (s?.contentMediaType === 'application/json' && s.contentSchema) {
      try { return maskPersonal(JSON.parse(value), s.contentSchema, s.contentSchema, depth + 1); } catch { /* not JSON after all */ }
    }
    const masked = maskText(value);
    return masked.length > MAX_TEXT ? `<${masked.length} characters>` : masked;
  }
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => maskPersonal(v, s?.items, root, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).slice(0, 100).map(([k, v]) => [k, maskPersonal(v, s?.properties?.[k], root, depth + 1)]));
  }
  return value;
}

function resolve(s: JsonSchema | undefined, root: JsonSchema | undefined): JsonSchema | undefined {
  const ref = s?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/$defs/')) return s;
  return (root?.$defs as Record<string, JsonSchema> | undefined)?.[ref.slice('#/$defs/'.length)] ?? s;
}

/** Headers without secrets: tokens (the provider's `secretHeaders`) shown by length only, a signature left out, cookies dropped. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>, secretHeaders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const text = Array.isArray(v) ? v.join(', ') : String(v);
    const name = k.toLowerCase();
    if (secretHeaders.includes(name)) out[k] = `<token, ${text.length} characters>`;
    else if (name === 'authorization') out[k] = text.replace(/(Signature=)[0-9a-fA-F]+/, '$1<hidden>').replace(/^Bearer .+/, 'Bearer <hidden>');
    else if (name === 'cookie' || name === 'x-mock-admin-token') out[k] = '<hidden>';
    // --debug-signatures' header repeats the diagnosis unmasked for the caller; the entry has it masked.
    else if (name === 'x-mock-signature-debug') out[k] = '<the diagnosis, masked, is the entry\'s diagnosis>';
    else out[k] = maskText(text);
  }
  return out;
}
