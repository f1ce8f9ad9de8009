import { createHash } from 'node:crypto';

/**
 * What the build files a precompiled validator, skeleton or checked data file under (src/writePrecompiled.ts):
 * a hash of the JSON of `value` and of `context`, what else the result depends on (the key of the
 * meta-schemas, which refer to each other by $id). A schema or file edited since the build, or one
 * whose meta-schemas were, finds nothing and is compiled or checked anew. Hexadecimal: it names a
 * file, and some file systems ignore case.
 */
export function schemaKey(value: unknown, context = ''): string {
  return createHash('sha256').update(context).update('\n').update(JSON.stringify(value)).digest('hex');
}
