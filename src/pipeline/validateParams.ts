import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchema } from '../data/compileSchema.ts';
import { MockError, raise } from '../errors.ts';
import type { ApiDefinition } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

export type ParamValidator = (params: Record<string, unknown>) => void;

/**
 * Compiles an API's request schema once (at boot) into a function that throws the role of the first
 * problem (unknownParameter, missingParameter, wrongType, invalidValue; the provider's data names the
 * vendor code) or, where the vendor has a specific code for a property, the code its `x-error` names:
 * an undefined parameter, a wrong type, a value outside an enum, or a string property whose
 * `contentMediaType` is application/json (Tencent's `Config`) that does not hold JSON of its
 * `contentSchema`.
 */
export function compileParamValidator(api: ApiDefinition): ParamValidator {
  const validate = compileSchema(api.request);
  const jsonStrings = Object.entries(api.request.properties ?? {})
    .filter(([, s]) => s.contentMediaType === 'application/json' && s.contentSchema)
    .map(([name, s]) => ({ name, schema: s, check: compileSchema(s.contentSchema as object) }));
  return (params) => {
    if (!validate(params)) throw toMockError(validate);
    for (const { name, schema, check } of jsonStrings) {
      const text = params[name];
      if (typeof text !== 'string' || text === '') continue;
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { parsed = undefined; }
      if (parsed === undefined || !check(parsed)) throw schema['x-error'] ? MockError.code(schema['x-error'], { name }) : raise('invalidValue', { name });
    }
  };
}

function toMockError(validate: ValidateFunction): MockError {
  const errors = validate.errors ?? [];
  const e = errors.find((x) => x.keyword === 'additionalProperties') ?? errors.find((x) => x.keyword === 'required') ?? errors[0]!;
  const name = paramName(e);
  switch (e.keyword) {
    case 'additionalProperties': return raise('unknownParameter', { name });
    case 'required': return raise('missingParameter', { name });
    case 'type': return raise('wrongType', { name });
    default: {
      const code = (e.parentSchema as JsonSchema | undefined)?.['x-error'];
      return code ? MockError.code(code, { name }) : raise('invalidValue', { name });
    }
  }
}

function paramName(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return join(e.instancePath, String(e.params.additionalProperty));
  if (e.keyword === 'required') return join(e.instancePath, String(e.params.missingProperty));
  return e.instancePath.slice(1).replaceAll('/', '.');
}

const join = (path: string, key: string): string => [path.slice(1).replaceAll('/', '.'), key].filter(Boolean).join('.');
