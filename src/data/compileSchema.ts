import type { ValidateFunction } from 'ajv';
import { createAjv } from './createAjv.ts';
import { precompiled } from './precompiled.ts';
import { schemaKey } from './schemaKey.ts';

/**
 * The schemas this process had Ajv compile, by key, in order (what the build precompiles, src/writePrecompiled.ts),
 * with the validator made: one schema is compiled once per process, as the build's validators are loaded once.
 * A test run builds hundreds of emulators from the sources, and Ajv's compiling was 40 % of their CPU.
 */
const compiledByAjv = new Map<string, { schema: object; validate: ValidateFunction }>();

/**
 * `schema` as a validator: the one the build precompiled from the same JSON, else compiled by Ajv now
 * (a schema edited since the build, sources run through tsx), with the same
 * errors either way since both are Ajv's code for the same schema and settings. `context`: the key of
 * the schemas it may refer to by $id (schemaKey), which Ajv must have compiled first. A schema with an
 * $id Ajv already holds is not compiled again (Ajv refuses a second schema of one $id).
 * Throws Ajv's message for a schema that does not compile.
 */
export function compileSchema(schema: object, context = ''): ValidateFunction {
  const key = schemaKey(schema, context);
  const ready = precompiled().validator(key) ?? compiledByAjv.get(key)?.validate;
  if (ready) return ready;
  const ajv = createAjv();
  const id = (schema as { $id?: unknown }).$id;
  const validate = (typeof id === 'string' && ajv.getSchema(id)) || ajv.compile(schema);
  compiledByAjv.set(key, { schema, validate });
  return validate;
}

/** What compileSchema had Ajv compile so far, by key (the build precompiles these). */
export function schemasCompiledByAjv(): ReadonlyMap<string, object> {
  return new Map([...compiledByAjv].map(([key, { schema }]) => [key, schema]));
}
