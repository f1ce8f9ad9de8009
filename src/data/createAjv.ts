import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let shared: Ajv2020 | undefined;

/**
 * One configured Ajv for every schema the emulator compiles (vendor schemas and the data files'
 * meta-schemas). `verbose` keeps `parentSchema` on errors so a failed `enum` can name the vendor
 * error code written beside it (`x-error`). It is process-wide: Ajv caches a compiled function per
 * schema object, so the loader's boot-time compile (which proves every schema is valid) is the only
 * one, and the validators and the response checker get the cached function. Compiling is most of
 * the boot time (about 10-30 ms a schema).
 */
export function createAjv(): Ajv2020 {
  if (shared) return shared;
  shared = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  addFormats(shared);
  shared.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  shared.addKeyword({ keyword: 'x-flavors', schemaType: 'array' });
  // Which request flag or parameter values turn an optional response field on (x-when) or off (x-unless): src/pipeline/presentFields.ts.
  shared.addKeyword({ keyword: 'x-when', schemaType: ['string', 'object'] });
  shared.addKeyword({ keyword: 'x-unless', schemaType: 'object' });
  // Personal data and secrets, masked in the journal and the request log: src/journal/maskPersonal.ts.
  shared.addKeyword({ keyword: 'x-personal', schemaType: 'string' });
  return shared;
}
