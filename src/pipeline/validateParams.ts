import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../data/createAjv.ts';
import { MockError } from '../errors.ts';
import type { ApiDefinition, ValidationCodes } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

export type ParamValidator = (params: Record<string, unknown>) => void;

/**
 * Compiles an API's request schema once (at boot) into a function that throws the vendor's code for
 * the first problem: an undefined parameter, a wrong type, a value outside an enum (the property's
 * `x-error` names the code when the vendor has a specific one), or a string property whose
 * `contentMediaType` is application/json (Tencent's `Config`) that does not hold JSON of its
 * `contentSchema`.
 */
export function compileParamValidator(api: ApiDefinition, codes: ValidationCodes): ParamValidator {
  const ajv = createAjv();
  const validate = ajv.compile(api.request);
  const jsonStrings = Object.entries(api.request.properties ?? {})
    .filter(([, s]) => s.contentMediaType === 'application/json' && s.contentSchema)
    .map(([name, s]) => ({ name, schema: s, check: ajv.compile(s.contentSchema as object) }));
  return (params) => {
    if (!validate(params)) throw toMockError(validate, codes);
    for (const { name, schema, check } of jsonStrings) {
      const text = params[name];
      if (typeof text !== 'string' || text === '') continue;
      let parsed: unknown;
      try { parsed = JSON.parse(text); } catch { parsed = undefined; }
      if (parsed === undefined || !check(parsed)) throw new MockError(schema['x-error'] ?? codes.value, { name });
    }
  };
}

function toMockError(validate: ValidateFunction, codes: ValidationCodes): MockError {
  const errors = validate.errors ?? [];
  const e = errors.find((x) => x.keyword === 'additionalProperties') ?? errors.find((x) => x.keyword === 'required') ?? errors[0]!;
  const name = paramName(e);
  switch (e.keyword) {
    case 'additionalProperties': return new MockError(codes.unknown, { name }, 'name');
    case 'required': return new MockError(codes.required, { name }, 'name');
    case 'type': return new MockError(codes.type, { name }, 'type');
    default: return new MockError((e.parentSchema as JsonSchema | undefined)?.['x-error'] ?? codes.value, { name });
  }
}

function paramName(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return join(e.instancePath, String(e.params.additionalProperty));
  if (e.keyword === 'required') return join(e.instancePath, String(e.params.missingProperty));
  return e.instancePath.slice(1).replaceAll('/', '.');
}

const join = (path: string, key: string): string => [path.slice(1).replaceAll('/', '.'), key].filter(Boolean).join('.');
