import { didYouMean } from '../cli/didYouMean.ts';
import type { DataSet } from './types.ts';
import { warningCodes } from './warningCodes.ts';
import type { JsonSchema } from './jsonSchema.ts';

/** Cross-file checks: every error code a data file names must be in a catalog the API answers from. */
export function checkReferences(data: DataSet): string[] {
  const problems: string[] = [];
  for (const [key, api] of data.apis) {
    const known = (code: string): boolean =>
      code in api.errors || code in (data.commonErrors[api.meta.provider] ?? {}) || code in data.mockErrors;
    const where = `schemas/${api.meta.provider}/${api.meta.service}/${api.meta.action}`;
    const images = { image: api.meta.image, ...Object.fromEntries(Object.entries(api.meta.extraImages ?? {}).map(([n, r]) => [`extraImages.${n}`, r])) };
    for (const [name, rules] of Object.entries(images)) {
      for (const [problem, code] of Object.entries(rules?.errors ?? {})) {
        if (!known(code)) problems.push(`${where}/action.json: ${name}.errors.${problem} names unknown code ${code}`);
      }
    }
    const limit = api.results.limits?.result;
    if (limit !== undefined && !(limit in api.results.results)) problems.push(`${where}/results.json: limits.result ${limit} is not in results`);
    const walk = (s: JsonSchema, path: string): void => {
      if (s['x-error'] && !known(s['x-error'])) problems.push(`${where}/request.json: ${path} x-error names unknown code ${s['x-error']}`);
      for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}/${k}`);
      if (s.contentSchema) walk(s.contentSchema, `${path}/contentSchema`);
    };
    walk(api.request, '');
    const facts = data.providers[api.meta.provider];
    if (!facts) problems.push(`schemas/${api.meta.provider}/provider.json: missing (the front door of ${key})`);
    const roles = { ...data.mockRoles, ...facts?.roles, ...api.meta.roles };
    for (const [role, ref] of Object.entries(roles)) {
      const code = typeof ref === 'string' ? ref : ref.code;
      if (!known(code)) problems.push(`${where}: role ${role} names ${code}, which is in no catalog of ${key}`);
    }
    for (const s of api.scenarios.values()) {
      if (s.error && !known(s.error)) {
        const codes = [...Object.keys(api.errors), ...Object.keys(data.commonErrors[api.meta.provider] ?? {})];
        problems.push(`${s.source}: error ${s.error} is in no catalog of ${key}${didYouMean(s.error, codes)}`);
      }
      const warnings = [...Object.keys(api.warnings), ...Object.values(api.warnings).flatMap((e) => (e.name ? [e.name] : []))];
      for (const w of s.warnings ?? []) if (warningCodes(api, w).length === 0) problems.push(`${s.source}: warning ${w} is not in ${where}/warnings.json (as a code or a name)${didYouMean(w, warnings)}`);
      if (s.result !== undefined && !(s.result in api.results.results)) problems.push(`${s.source}: result ${s.result} is not in ${where}/results.json`);
    }
  }
  return problems;
}
