import type { ErrorObject, ValidateFunction } from 'ajv';
import { compileSchema } from '../data/compileSchema.ts';
import { MockError, roleError } from '../errors.ts';
import { didYouMean } from '../cli/didYouMean.ts';
import { shownValue } from '../journalEntries/shownValue.ts';
import type { ApiDefinition } from '../data/types.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

export type ParamValidator = (params: Record<string, unknown>) => void;

/**
 * Compiles an API's request schema once (at boot) into a function that throws the role of the first
 * problem (unknownParameter, missingParameter, wrongType, invalidValue; the provider's data names the
 * vendor code) or, where the vendor has a specific code for a property, the code its `x-error` names:
 * an undefined parameter, a wrong type, a value outside an enum, or a string property whose
 * `contentMediaType` is application/json (Tencent's `Config`) that does not hold JSON of its
 * `contentSchema`. The vendor's message often names neither the parameter nor what it takes
 * ("Invalid parameter value."): each error carries a notice that does, with the nearest valid name.
 */
export function compileParamValidator(api: ApiDefinition): ParamValidator {
  const validate = compileSchema(api.request);
  const jsonStrings = Object.entries(api.request.properties ?? {})
    .filter(([, s]) => s.contentMediaType === 'application/json' && s.contentSchema)
    .map(([name, s]) => ({ name, schema: s, check: compileSchema(s.contentSchema as object) }));
  return (params) => {
    if (!validate(params)) throw toMockError(validate, api.meta.action);
    for (const { name, schema, check } of jsonStrings) {
      const text = params[name];
      if (typeof text !== 'string' || text === '') continue;
      let parsed: unknown;
      let why: string | undefined;
      try { parsed = JSON.parse(text); } catch (e) { why = `${name} must be a JSON string (${(e as Error).message})`; }
      if (why === undefined && check(parsed)) continue;
      const e = schema['x-error'] ? MockError.code(schema['x-error'], { name }) : roleError('invalidValue', { name });
      throw e.noting(why ?? noticeOf(firstError(check), name));
    }
  };
}

function firstError(validate: ValidateFunction): ErrorObject {
  const errors = validate.errors ?? [];
  return errors.find((x) => x.keyword === 'additionalProperties') ?? errors.find((x) => x.keyword === 'required') ?? errors[0]!;
}

function toMockError(validate: ValidateFunction, action: string): MockError {
  const e = firstError(validate);
  const name = paramName(e);
  const notice = noticeOf(e, undefined, action);
  switch (e.keyword) {
    case 'additionalProperties': return roleError('unknownParameter', { name }).noting(notice);
    case 'required': return roleError('missingParameter', { name }).noting(notice);
    case 'type': return roleError('wrongType', { name }).noting(notice);
    default: {
      const code = (e.parentSchema as JsonSchema | undefined)?.['x-error'];
      return (code ? MockError.code(code, { name }) : roleError('invalidValue', { name })).noting(notice);
    }
  }
}

/**
 * The problem in words: which parameter of the `action` (`within` a JSON-text parameter such as
 * Config: its keys), the value sent (never of a parameter marked `x-personal`), and what would have
 * been taken.
 */
function noticeOf(e: ErrorObject, within?: string, action?: string): string {
  const name = [within, paramName(e)].filter(Boolean).join('.');
  const schema = e.parentSchema as JsonSchema | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const unknown = String(e.params.additionalProperty);
      const known = Object.keys(schema?.properties ?? {});
      return `unknown parameter ${name}${didYouMean(unknown, known)}; ${within ?? action} takes ${known.join(', ')}`;
    }
    case 'required': return `missing parameter ${name}`;
    case 'type': return `parameter ${name} must be ${String(e.params.type)}${schema?.['x-personal'] ? '' : `, not ${shownValue(e.data)}`}`;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const sent = schema?.['x-personal'] ? '' : ` ${shownValue(e.data)}`;
      const near = typeof e.data === 'string' ? didYouMean(e.data, allowed.map((v) => JSON.parse(v) as string).filter(Boolean)) : '';
      return `parameter ${name}:${sent} is not one of the allowed values ${allowed.join(', ')}${near}`;
    }
    default: return `parameter ${name}${schema?.['x-personal'] ? '' : ` ${shownValue(e.data)}`} ${e.message ?? 'is refused by the request schema'}`;
  }
}

function paramName(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return join(e.instancePath, String(e.params.additionalProperty));
  if (e.keyword === 'required') return join(e.instancePath, String(e.params.missingProperty));
  return e.instancePath.slice(1).replaceAll('/', '.');
}

const join = (path: string, key: string): string => [path.slice(1).replaceAll('/', '.'), key].filter(Boolean).join('.');
