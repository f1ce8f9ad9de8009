import { dirname, basename, join, sep } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { apiKey } from './apiKey.ts';
import { checkSchema } from './checkSchema.ts';
import { compileSchema } from './compileSchema.ts';
import { conformedFiles } from './conformedFiles.ts';
import { precompiled } from './precompiled.ts';
import { schemaKey } from './schemaKey.ts';
import { JSON_ONLY, readDataFiles, type DataFile } from './readDataFiles.ts';
import { layerScenarioFiles } from './layerScenarioFiles.ts';
import { catalogScenarios } from './catalogScenarios.ts';
import { checkReferences } from './checkReferences.ts';
import { describeSchemaErrors } from './describeSchemaErrors.ts';
import { didYouMean } from '../cli/didYouMean.ts';
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
 * scenarios/<provider>/<service>/<Action>/<name>.json|yaml|yml, then the scenarios of each of
 * `scenarioDirs` (laid out like scenarios/) over those, in order (layerScenarioFiles).
 * Throws a DataError listing every problem.
 */
export function loadData(root: string, scenarioDirs: readonly string[] = []): DataSet {
  const { data, problems } = collectData(root, scenarioDirs);
  if (problems.length) throw new DataError(problems);
  return data;
}

/** The data as far as it loads, and every problem found; for callers that add checks of their own before throwing. */
export function collectData(root: string, scenarioDirs: readonly string[] = []): { data: DataSet; problems: string[] } {
  const problems: string[] = [];
  const inSchemas = { extensions: JSON_ONLY, shown: (rel: string) => join('schemas', rel) };
  const metaFiles = readDataFiles(join(root, 'schemas/_meta'), problems, { ...inSchemas, shown: (rel) => join('schemas/_meta', rel) });
  const metaSchemas = META.map((m) => (metaFiles.find((f) => basename(f.path) === `${m}.schema.json`)?.value ?? {}) as object);
  // Each meta-schema may refer to the others by $id: all of them are part of each one's key (compileSchema),
  // and of the key a file that conformed to them is remembered by (conformedFiles).
  const metaKey = schemaKey(metaSchemas);
  // Each compiled on first need: a start on data the build checked needs none, one with a scenario folder
  // only the scenario's.
  const meta = new Map<(typeof META)[number], ValidateFunction>();
  const metaValidator = (kind: (typeof META)[number]): ValidateFunction => {
    let validate = meta.get(kind);
    if (!validate) {
      // The provider's first: the others refer to its $defs by its $id, which Ajv must hold when it compiles them.
      if (kind !== 'provider') metaValidator('provider');
      meta.set(kind, (validate = compileSchema(metaSchemas[META.indexOf(kind)]!, metaKey)));
    }
    return validate;
  };
  const conform = (f: DataFile, kind: (typeof META)[number]): boolean => {
    const key = schemaKey(f.value, `${kind} ${metaKey}`);
    if (conformedFiles.has(key) || precompiled().conformed(key)) return true;
    const validate = metaValidator(kind);
    if (validate(f.value)) {
      conformedFiles.add(key);
      return true;
    }
    const described = describeSchemaErrors(validate.errors ?? [], metaSchemas[META.indexOf(kind)]!, f.value);
    problems.push(...described.map(({ text, error: e }) => `${f.shown}: ${text}${yamlHint(f, e.keyword === 'type' && (e.params as { type?: string }).type === 'string')}`));
    return false;
  };

  const commonErrors: Record<string, Catalog> = {};
  const providers: Record<string, ProviderFacts> = {};
  let mockErrors: Catalog = {};
  let mockRoles: Roles = {};
  const byDir = new Map<string, Map<string, DataFile>>();
  for (const f of readDataFiles(join(root, 'schemas'), problems, inSchemas)) {
    const parts = f.rel.split(sep);
    if (parts[0] === '_meta') continue;
    if (parts.length === 2 && parts[1] === 'provider.json') {
      if (!conform(f, 'provider')) continue;
      const facts = f.value as ProviderFacts;
      if (facts.provider !== parts[0]) problems.push(`${f.shown}: provider must match its folder ${parts[0]}`);
      else providers[facts.provider] = facts;
    } else if (parts.length === 2 && parts[1] === 'errors.json') {
      if (!conform(f, 'errors')) continue;
      const { errors, roles } = f.value as { errors: Catalog; roles?: Roles };
      if (parts[0] === 'mock') {
        mockErrors = errors;
        mockRoles = roles ?? {};
      } else commonErrors[parts[0]!] = errors;
    } else if (parts.length === 4 && API_FILES.includes(parts[3]!)) {
      const dir = dirname(f.shown);
      if (!byDir.has(dir)) byDir.set(dir, new Map());
      byDir.get(dir)!.set(parts[3]!, f);
    } else problems.push(`${f.shown}: not a known data file (see docs/developing.md, "Data files")`);
  }

  const apis = new Map<string, ApiDefinition>();
  for (const [dir, files] of byDir) {
    const need = (n: string): DataFile | undefined => {
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
      problems.push(`${actionF.shown}: provider/service/action must match its folder ${provider}/${service}/${action}`);
      continue;
    }
    if (!providers[provider!]) {
      problems.push(`${actionF.shown}: schemas/${provider}/ has no provider.json (the front door of provider ${provider})`);
      continue;
    }
    for (const f of [requestF, responseF]) {
      try { checkSchema(f.value as object); } catch (e) { problems.push(`${f.shown}: ${(e as Error).message}`); }
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
    apis.set(apiKey({ provider, action }), api);
  }

  for (const f of layerScenarioFiles(root, scenarioDirs, problems)) {
    const [provider, service, action] = f.folder;
    const api = f.folder.length === 3 ? apis.get(apiKey({ provider: provider!, action: action! })) : undefined;
    if (!api || api.meta.service !== service) {
      const folders = [...apis.values()].map((a) => `${a.meta.provider}/${a.meta.service}/${a.meta.action}`);
      problems.push(`${f.shown}: no API at schemas/${f.folder.join('/')}${didYouMean(f.folder.join('/'), folders)} (a scenario file goes in <provider>/<service>/<Action>/ of a scenario folder)`);
      continue;
    }
    if (!conform(f, 'scenario')) continue;
    const unquoted = numericResults(f);
    if (unquoted.length) { problems.push(...unquoted); continue; }
    if (api.scenarios.has(f.name)) { problems.push(`${f.shown}: the name ${f.name} is taken by a catalog scenario`); continue; }
    // $schema and $comment are for editors and people, not part of what is played back.
    const { $schema: _schema, $comment: _comment, ...scenario } = f.value as Omit<Scenario, 'name' | 'source'> & { $schema?: string; $comment?: string };
    api.scenarios.set(f.name, { ...scenario, name: f.name, source: f.shown });
  }

  const data: DataSet = { providers, commonErrors, mockErrors, mockRoles, apis };
  problems.push(...checkReferences(data));
  return { data, problems };
}

/** YAML reads `-9102` and `-4` as numbers, where a scenario wants the code as text: say how to write it. */
function yamlHint(f: DataFile, wantsString: boolean): string {
  return wantsString && /\.ya?ml$/i.test(f.path) ? ' (in YAML, quote a code that looks like a number: "-9102")' : '';
}

/** The schema's `result` has a pattern but no type, so a YAML `result: -4` (a number) would get through it. */
function numericResults(f: DataFile): string[] {
  const s = f.value as Scenario;
  return [['', s] as const, ...(s.steps ?? []).map((step, i) => [`/steps/${i}`, step] as const)]
    .filter(([, o]) => o.result !== undefined && typeof o.result !== 'string')
    .map(([at]) => `${f.shown}: ${at}/result must be string${yamlHint(f, true)}`);
}
