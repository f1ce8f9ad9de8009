import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { codeFolder } from '../packageRoot.ts';

/**
 * The build's folder beside its code (dist/precompiled/, written by src/writePrecompiled.ts): a
 * CommonJS module of Ajv's standalone code per schema, `<schemaKey>.cjs`, `skeletons.json` and
 * `conformed.json` (the keys of the shipped data files, which conform).
 * A file a schema, so a start loads the validators it uses and not the ones it only needs to know
 * compile (response schemas, checked only under checkResponses).
 */
export const PRECOMPILED_FOLDER = 'precompiled';
export const SKELETONS_FILE = 'skeletons.json';
export const CONFORMED_FILE = 'conformed.json';

export interface Precompiled {
  /** Whether the build compiled the schema of this key (so it compiles). */
  has(key: string): boolean;
  /** The validator of a schemaKey; undefined for a schema the build did not see. */
  validator(key: string): ValidateFunction | undefined;
  /** A response skeleton (src/pipeline/buildResponse.ts) by schemaKey. */
  skeleton(key: string): Record<string, unknown> | undefined;
  /** Whether the build found the data file of this key conforming to its meta-schema (conformedFiles). */
  conformed(key: string): boolean;
}

let loaded: Precompiled | undefined;

/**
 * What the build precompiled for the shipped data; nothing under tsx (src/ has no such folder) or in a
 * build without it, when every schema is compiled by Ajv as before.
 */
export function precompiled(): Precompiled {
  if (loaded) return loaded;
  const folder = join(codeFolder, PRECOMPILED_FOLDER);
  const file = (key: string): string => join(folder, `${key}.cjs`);
  const load = createRequire(join(folder, 'index.cjs'));
  const json = <T>(name: string, none: T): T => (existsSync(join(folder, name)) ? JSON.parse(readFileSync(join(folder, name), 'utf8')) as T : none);
  let skeletons: Record<string, Record<string, unknown>> | undefined;
  let conformed: Set<string> | undefined;
  loaded = {
    has: (key) => existsSync(file(key)),
    // require() keeps each module, so a key's validator is one function for the process.
    validator: (key) => (existsSync(file(key)) ? (load(file(key)) as ValidateFunction) : undefined),
    skeleton(key) {
      skeletons ??= json(SKELETONS_FILE, {});
      return Object.hasOwn(skeletons, key) ? skeletons[key] : undefined;
    },
    conformed: (key) => (conformed ??= new Set(json<string[]>(CONFORMED_FILE, []))).has(key),
  };
  return loaded;
}
