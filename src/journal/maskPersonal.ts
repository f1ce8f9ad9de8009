import { createHash } from 'node:crypto';
import { sniffImage } from '../images/sniffImage.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

type Json = unknown;

/** An ID number: its first 6 and last 4 characters. */
export const maskId = (v: string): string => (v.length > 10 ? `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}` : '*'.repeat(v.length));
/** A name: its first character. */
export const maskName = (v: string): string => (v ? `${[...v][0]}${'*'.repeat(Math.max(1, [...v].length - 1))}` : v);
const maskAddress = (v: string): string => ([...v].length > 6 ? `${[...v].slice(0, 6).join('')}…` : v);

/** An image as format, dimensions, size and a sha256 prefix, never its bytes. */
export function describeImage(base64: string): string {
  const bytes = Buffer.from(base64.replace(/^data:[^,]*,/, ''), 'base64');
  const info = sniffImage(bytes);
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return `<image ${info ? `${info.format} ${info.width}x${info.height}` : 'unreadable'} ${bytes.length} bytes sha256:${hash}>`;
}

const ID_NUMBER = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;
const LONG_BASE64 = /^[A-Za-z0-9+/=\s]{256,}$/;

/** Any text: 18-character ID numbers masked where they stand; a long base64 run described as an image. */
export function maskText(v: string): string {
  if (LONG_BASE64.test(v)) return describeImage(v);
  return v.replace(ID_NUMBER, (_m, head: string, tail: string) => `${head}********${tail}`);
}

/**
 * A request's parameters or a response body with its personal data masked, as the schema annotates it
 * (`x-personal` on request.json and response.json properties), and every other string through maskText,
 * so an ID number or an image in an unannotated place is masked too. JSON-text fields (AdvancedInfo)
 * are parsed, masked and shown as objects.
 */
/** Deeper than any vendor body: a request nested further is shown as cut, not walked (it could exhaust the stack). */
const MAX_DEPTH = 24;
/** Longer texts are kept as their length only: the journal holds a thousand entries, not a thousand uploads. */
const MAX_TEXT = 2048;

export function maskPersonal(value: Json, schema: JsonSchema | undefined, root: JsonSchema | undefined = schema, depth = 0): Json {
  if (depth > MAX_DEPTH) return '<nested too deep>';
  const s = resolve(schema, root);
  if (typeof value === 'string') {
    switch (s?.['x-personal']) {
      case 'id': return maskId(value);
      case 'name': return maskName(value);
      case 'address': return maskAddress(value);
      case 'image': return value && !value.startsWith('<') ? describeImage(value) : value;
      case 'secret': return value ? '<secret>' : value;
    }
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

/** Headers without secrets: tokens shown by length only, a signature left out, cookies dropped. */
export function maskHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    const text = Array.isArray(v) ? v.join(', ') : String(v);
    const name = k.toLowerCase();
    if (name === 'x-auth-token' || name === 'x-subject-token' || name === 'x-security-token' || name === 'x-tc-token') out[k] = `<token, ${text.length} characters>`;
    else if (name === 'authorization') out[k] = text.replace(/(Signature=)[0-9a-fA-F]+/, '$1<hidden>').replace(/^Bearer .+/, 'Bearer <hidden>');
    else if (name === 'cookie' || name === 'x-mock-admin-token') out[k] = '<hidden>';
    else out[k] = maskText(text);
  }
  return out;
}
