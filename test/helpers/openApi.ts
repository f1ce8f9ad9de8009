import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object (as in src/data/createAjv.ts).
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface MediaType { schema?: unknown; examples?: Record<string, { value: unknown }>; 'x-event-data'?: unknown }
export interface Parameter { name: string; in: string; examples?: Record<string, { value: unknown }> }
export interface ResponseObject { description: string; content?: Record<string, MediaType>; $ref?: string }
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
}
export interface PathItem { parameters?: Parameter[]; [method: string]: Operation | Parameter[] | undefined }
export interface OpenApi {
  openapi: string;
  jsonSchemaDialect: string;
  paths: Record<string, PathItem>;
  components: { responses: Record<string, ResponseObject>; requestBodies: Record<string, { content: Record<string, MediaType> }>; schemas: Record<string, unknown> };
}

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const ID = 'urn:idcard-mock:admin-openapi';

export const doc = JSON.parse(readFileSync(new URL('../../schemas/_meta/admin.openapi.json', import.meta.url), 'utf8')) as OpenApi;

/**
 * The document's schemas are JSON Schema 2020-12 (its jsonSchemaDialect), so Ajv2020 validates with them
 * as they are, with the repo's strict options (src/data/createAjv.ts). The whole document is added under
 * one id; OpenAPI's own top-level fields are declared as annotations so strict mode accepts them, and a
 * schema is compiled by its JSON pointer, so `#/components/schemas/...` references resolve as written.
 */
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
for (const k of ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'security', 'tags', 'paths', 'components']) ajv.addKeyword(k);
ajv.addSchema({ ...doc, $id: ID });

const pointer = (parts: string[]): string => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export function validator(...parts: string[]): ValidateFunction {
  const v = ajv.getSchema(`${ID}#/${pointer(parts)}`);
  if (!v) throw new Error(`no schema at ${parts.join(' ')}`);
  return v;
}

export function operations(): { path: string; method: string; op: Operation; item: PathItem }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as Operation, item })));
}

/** A response object, its `$ref` followed, with where its schema lives. */
export function response(op: Operation, path: string, method: string, status: string): { res: ResponseObject; at: string[] } | undefined {
  const r = op.responses[status];
  if (!r) return undefined;
  if (r.$ref) {
    const name = r.$ref.split('/').pop()!;
    return { res: doc.components.responses[name]!, at: ['components', 'responses', name] };
  }
  return { res: r, at: ['paths', path, method, 'responses', status] };
}

/** The request body's JSON examples, its `$ref` followed, with the pointer of its schema. */
export function requestExamples(op: Operation, path: string, method: string): { examples: unknown[]; at: string[] } | undefined {
  const b = op.requestBody;
  if (!b) return undefined;
  const name = b.$ref?.split('/').pop();
  const body = name ? doc.components.requestBodies[name]! : b;
  const base = name ? ['components', 'requestBodies', name] : ['paths', path, method, 'requestBody'];
  const json = body.content?.['application/json'];
  return { examples: Object.values(json?.examples ?? {}).map((e) => e.value), at: [...base, 'content', 'application/json', 'schema'] };
}

/** Express's `:name` parameters in OpenAPI's `{name}` form. */
export const openApiPath = (express: string): string => express.replace(/:(\w+)/g, '{$1}');

interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] }; rawPath?: unknown }

/**
 * Every route of an Express 5 app (router 2: layers keep the path they were mounted at as rawPath), as
 * `METHOD PATH`; a middleware mounted at a path of its own (express.static for the dashboard) as `MOUNT PATH`.
 */
export function expressRoutes(stack: Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const at = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${prefix}${layer.route!.path}`);
    }
    if (layer.handle?.stack) return expressRoutes(layer.handle.stack, prefix + at);
    return at ? [`MOUNT ${prefix}${at}`] : [];
  });
}
