import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';

interface Document { servers?: unknown[]; paths?: Record<string, Record<string, unknown>>; [key: string]: unknown }

let doc: Document | undefined;

/** schemas/_meta/admin.openapi.json as written, read once. */
export function adminDocument(): Document {
  doc ??= JSON.parse(readFileSync(join(packageRoot, 'schemas/_meta/admin.openapi.json'), 'utf8')) as Document;
  return doc;
}

/**
 * The admin API's OpenAPI 3.1 document (schemas/_meta/admin.openapi.json, kept beside the routes it describes),
 * with the address it was fetched from as its first server, so a client generator or Swagger UI pointed
 * at it talks to this emulator.
 */
export function openApiDocument(origin: string): Document {
  const d = adminDocument();
  return { ...d, servers: [{ url: origin, description: 'This emulator' }, ...(d.servers ?? [])] };
}
