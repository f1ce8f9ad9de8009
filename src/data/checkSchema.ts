import { compileSchema } from './compileSchema.ts';
import { precompiled } from './precompiled.ts';
import { schemaKey } from './schemaKey.ts';

/**
 * Throws Ajv's message when `schema` does not compile. One the build precompiled did compile, so it is
 * neither loaded nor compiled again: the loader checks every response schema, which only the
 * response checker (checkResponses) uses.
 */
export function checkSchema(schema: object): void {
  if (!precompiled().has(schemaKey(schema))) compileSchema(schema);
}
