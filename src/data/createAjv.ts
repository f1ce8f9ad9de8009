import type { Ajv2020, Options } from 'ajv/dist/2020.js';
import { requireDependency } from '../requireDependency.ts';
import { PERSONAL_KINDS } from './personalKinds.ts';

let shared: Ajv2020 | undefined;

/**
 * One configured Ajv for every schema the emulator compiles (vendor schemas and the data files'
 * meta-schemas). `verbose` keeps `parentSchema` on errors so a failed `enum` can name the vendor
 * error code written beside it (`x-error`). It is process-wide: Ajv caches a compiled function per
 * schema object, so the loader's boot-time compile (which proves every schema is valid) is the only
 * one, and the validators and the response checker get the cached function. Compiling is most of
 * the boot time (about 10-30 ms a schema), which is why the build precompiles the shipped schemas.
 * With `code` (the build's `{ source: true }`), a separate instance of the same settings whose
 * functions keep their source for Ajv's standalone code.
 */
export function createAjv(code?: Options['code']): Ajv2020 {
  if (shared && !code) return shared;
  // Ajv and ajv-formats are loaded on first use, not imported: a start whose every schema the build
  // precompiled (compileSchema) loads neither, and loading them took a tenth of a start.
  const { Ajv2020 } = requireDependency('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // ajv-formats is CommonJS with its function as the module's default.
  const addFormats = (requireDependency('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 }).default;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, ...(code ? { code } : {}) });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-flavors', schemaType: 'array' });
  // Which request flag or parameter values turn an optional response field on (x-when) or off (x-unless): src/pipeline/presentFields.ts.
  ajv.addKeyword({ keyword: 'x-when', schemaType: ['string', 'object'] });
  ajv.addKeyword({ keyword: 'x-unless', schemaType: 'object' });
  // Personal data and secrets, masked in the journal and the request log: src/journalEntries/maskPersonal.ts.
  ajv.addKeyword({ keyword: 'x-personal', schemaType: 'string', metaSchema: { enum: [...PERSONAL_KINDS] } });
  if (!code) shared = ajv;
  return ajv;
}
