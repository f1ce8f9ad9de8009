import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/**
 * One configured Ajv for every schema the emulator compiles (vendor schemas and the data files'
 * meta-schemas). `verbose` keeps `parentSchema` on errors so a failed `enum` can name the vendor
 * error code written beside it (`x-error`).
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-flavors', schemaType: 'array' });
  return ajv;
}
