import { dirname, basename, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import { createAjv } from './createAjv.ts';
import { readJsonFiles, type JsonFile } from './readJsonFiles.ts';
import { catalogScenarios } from './catalogScenarios.ts';
import { checkReferences } from './checkReferences.ts';
import type { ActionMeta, ApiDefinition, Catalog, DataSet, ProviderFacts, Results, Roles, Scenario, WarningEntry } from './types.ts';
import type { JsonSchema } from './jsonSchema.ts';

/** Thrown at boot with every problem found in schemas/ and scenarios/, never just the first. */
export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`idcard-mock: ${problems.length} problem(s) in the data files:\n  - ${problems.join('\n  - ')}`);
  }
}

// provider before action: action.schema.json refers to provider.schema.json's $defs by its $id.
const META = ['provider', 'errors', 'action', 'warnings', 'scenario', 'results'] as const;
const API_FILES = ['action.json', 'request.json', 'response.json', 'errors.json', 'warnings.json', 'results.json'];

/**
 * Loads and checks everything under `root`/schemas and `root`/scenarios:
 * schemas/<provider>/provider.json, schemas/<provider>/errors.json, schemas/mock/errors.json,
 * schemas/<provider>/<service>/<Action>/{action,request,response,errors,warnings,results}.json,
 * scenarios/<provider>/<service>/<Action>/<name>.json.
 * Throws a DataError listing every problem.
 */
export function loadData(root: string): DataSet {
  const { data, problems } = collectData(root);
  if (problems.length) throw new DataError(problems);
  return data;
}

/** The data as far as it loads, and every problem found; for callers that add checks of their own before throwing. */
export function collectData(root: string): { data: DataSet; problems: string[] } {
  const problems: string[] = [];
  const ajv = createAjv();
  const metaFiles = readJsonFiles(root, 'schemas/_meta', problems);
  // The meta-schemas carry an $id, so Ajv (one per process) holds each once: a second load reuses it.
  const meta = Object.fromEntries(META.map((m) => {
    const file = metaFiles.find((f) => basename(f.path) === `${m}.schema.json`)?.value as { $id?: string } | undefined;
    return [m, (file?.$id && ajv.getSchema(file.$id)) || ajv.compile(file ?? {})];
  }));
  const conform = (f: JsonFile, kind: (typeof META)[number]): boolean => {
    const validate = meta[kind]!;
    if (validate(f.value)) return true;
    problems.push(...(validate.errors ?? []).map((e: ErrorObject) => `${f.rel}: ${e.instancePath || '/'} ${e.message}`));
    return false;
  };

  const commonErrors: Record<string, Catalog> = {};
  const providers: Record<string, ProviderFacts> = {};
  let mockErrors: Catalog = {};
  let mockRoles: Roles = {};
  const byDir = new Map<string, Map<string, JsonFile>>();
  for (const f of readJsonFiles(root, 'schemas', problems)) {
    const parts = f.rel.split(sep);
    if (parts[1] === '_meta') continue;
    if (parts.length === 3 && parts[2] === 'provider.json') {
      if (!conform(f, 'provider')) continue;
      const facts = f.value as ProviderFacts;
      if (facts.provider !== parts[1]) problems.push(`${f.rel}: provider must match its folder ${parts[1]}`);
      else providers[facts.provider] = facts;
    } else if (parts.length === 3 && parts[2] === 'errors.json') {
      if (!conform(f, 'errors')) continue;
      const { errors, roles } = f.value as { errors: Catalog; roles?: Roles };
      if (parts[1] === 'mock') {
        mockErrors = errors;
        mockRoles = roles ?? {};
      } else commonErrors[parts[1]!] = errors;
    } else if (parts.length === 5 && API_FILES.includes(parts[4]!)) {
      const dir = dirname(f.rel);
      if (!byDir.has(dir)) byDir.set(dir, new Map());
      byDir.get(dir)!.set(parts[4]!, f);
    } else problems.push(`${f.rel}: not a known data file (see README, "Data files")`);
  }

  const apis = new Map<string, ApiDefinition>();
  for (const [dir, files] of byDir) {
    const need = (n: string): JsonFile | undefined => {
      const f = files.get(n);
      if (!f) problems.push(`${dir}: missing ${n}`);
      return f;
    };
    const [actionF, requestF, responseF, errorsF] = ['action.json', 'request.json', 'response.json', 'errors.json'].map(need);
    if (!actionF || !requestF || !responseF || !errorsF) continue;
    if (!conform(actionF, 'action') || !conform(errorsF, 'errors')) continue;
    const warningsF = files.get('warnings.json');
    if (warningsF && !conform(warningsF, 'warnings')) continue;
    const resultsF = files.get('results.json');
    if (resultsF && !conform(resultsF, 'results')) continue;
    const m = actionF.value as ActionMeta;
    const [, provider, service, action] = dir.split(sep);
    if (m.provider !== provider || m.service !== service || m.action !== action) {
      problems.push(`${actionF.rel}: provider/service/action must match its folder ${provider}/${service}/${action}`);
      continue;
    }
    for (const f of [requestF, responseF]) {
      try { ajv.compile(f.value as object); } catch (e) { problems.push(`${f.rel}: ${(e as Error).message}`); }
    }
    const api: ApiDefinition = {
      meta: m,
      request: requestF.value as JsonSchema,
      response: responseF.value as JsonSchema,
      errors: (errorsF.value as { errors: Catalog }).errors,
      warnings: (warningsF?.value as { warnings: Record<string, WarningEntry> } | undefined)?.warnings ?? {},
      warningFlagsIn: (warningsF?.value as { flagsIn?: string } | undefined)?.flagsIn,
      results: (resultsF?.value as Results | undefined) ?? { results: {} },
      scenarios: new Map(),
    };
    for (const s of catalogScenarios(api, commonErrors[provider!] ?? {})) api.scenarios.set(s.name, s);
    apis.set(`${provider}:${action}`, api);
  }

  for (const f of readJsonFiles(root, 'scenarios', problems)) {
    const parts = f.rel.split(sep);
    const api = parts.length === 5 ? apis.get(`${parts[1]}:${parts[3]}`) : undefined;
    if (!api) { problems.push(`${f.rel}: no API at schemas/${parts.slice(1, 4).join('/')}`); continue; }
    if (!conform(f, 'scenario')) continue;
    const name = basename(f.rel, '.json');
    if (api.scenarios.has(name)) { problems.push(`${f.rel}: the name ${name} is taken by a catalog scenario`); continue; }
    api.scenarios.set(name, { ...(f.value as Omit<Scenario, 'name' | 'source'>), name, source: f.rel });
  }

  const data: DataSet = { providers, commonErrors, mockErrors, mockRoles, apis };
  problems.push(...checkReferences(data));
  return { data, problems };
}
