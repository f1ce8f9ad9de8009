import { roleError } from '../../errors.ts';
import { didYouMean } from '../../cli/didYouMean.ts';
import { shownValue } from '../../journalEntries/shownValue.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';
import type { HuaweiDecoded } from './decode.ts';

interface Route { api: ApiDefinition; method: string; template: string; path: RegExp; names: string[] }

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
      return { api, method: api.meta.http!.method, template: api.meta.http!.path, path: new RegExp(`^${pattern}/?$`), names };
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
 * disagrees with the path. APIG's "The API does not exist." names no route: the notice lists the
 * ones served, with the nearest.
 */
export function findApi(d: HuaweiDecoded, data: DataSet): ApiDefinition {
  const { method, path } = d.target;
  const takes: string[] = [];
  for (const r of routes(data)) {
    const m = r.path.exec(path);
    if (!m) continue;
    takes.push(r.method);
    if (r.method !== method) continue;
    r.names.forEach((n, i) => { d.pathParams[n] = safeDecode(m[i + 1]!); });
    checkProjectId(d);
    return r.api;
  }
  if (takes.length) throw roleError('methodNotAllowed', { method }).noting(`${method} is not a method of ${shownValue(path, PATH_SHOWN)}, which takes ${takes.join(', ')}`);
  throw roleError('unknownApi', { method }).noting(unknownRoute(method, path, routes(data)));
}

/** The routes served, and the one nearest to the request's, its path parameters filled from the request (`/v2/<its project>/ocr/id-card`). */
function unknownRoute(method: string, path: string, list: Route[]): string {
  const sent = path.split('/');
  const filled = list.map((r) => `${r.method} ${r.template.split('/').map((s, i) => (/^\{\w+\}$/.test(s) && sent[i] ? sent[i] : s)).join('/')}`);
  const asked = `${method} ${path}`;
  return `no emulated API at ${shownValue(asked, PATH_SHOWN)}${didYouMean(asked, filled)}: this emulator serves ${list.map((r) => `${r.method} ${r.template}`).join(', ')}`;
}

function checkProjectId(d: HuaweiDecoded): void {
  const projectId = d.pathParams.project_id;
  if (projectId === undefined) return;
  if (projectId === '{project_id}') throw roleError('projectPlaceholder');
  const header = d.headers['x-project-id'];
  if (typeof header === 'string' && header !== projectId) throw roleError('projectMismatch', { header, path: projectId });
}

/** A path is quoted whole up to this length: its project id alone is 32 characters. */
const PATH_SHOWN = 160;

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}
