import { raise } from '../../errors.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';
import type { Decoded } from '../Provider.ts';

interface Route { api: ApiDefinition; method: string; path: RegExp; names: string[] }

const routesOf = new WeakMap<DataSet, Route[]>();

/** Each API's action.json `http` path template (`/v2/{project_id}/ocr/id-card`) as a pattern; a trailing `/` is allowed. */
function routes(data: DataSet): Route[] {
  let list = routesOf.get(data);
  if (!list) {
    list = [...data.apis.values()].filter((api) => api.meta.provider === 'huawei' && api.meta.http).map((api) => {
      const names: string[] = [];
      const pattern = api.meta.http!.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, n: string) => {
        names.push(n);
        return '([^/]+)';
      });
      return { api, method: api.meta.http!.method, path: new RegExp(`^${pattern}/?$`), names };
    });
    routesOf.set(data, list);
  }
  return list;
}

/**
 * Which API a method and path are. A known path with another method is "The API does not exist."
 * with the method named, an unknown path the gateway's longer message (APIG.0101 in both cases).
 * The project id of the path is checked against the two ways the SDKs get it wrong: the literal
 * `{project_id}` they send with neither a project id nor a region, and an X-Project-Id header that
 * disagrees with the path.
 */
export function findApi(d: Decoded, data: DataSet): ApiDefinition {
  const { method = '', path = '' } = d.target;
  let pathKnown = false;
  for (const r of routes(data)) {
    const m = r.path.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (r.method !== method) continue;
    r.names.forEach((n, i) => { d.pathParams[n] = safeDecode(m[i + 1]!); });
    checkProjectId(d);
    return r.api;
  }
  throw raise(pathKnown ? 'methodNotAllowed' : 'unknownApi', { method });
}

function checkProjectId(d: Decoded): void {
  const projectId = d.pathParams.project_id;
  if (projectId === undefined) return;
  if (projectId === '{project_id}') throw raise('projectPlaceholder');
  const header = d.headers['x-project-id'];
  if (typeof header === 'string' && header !== projectId) throw raise('projectMismatch', { header, path: projectId });
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
