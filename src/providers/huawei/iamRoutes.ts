import type { IncomingHttpHeaders } from 'node:http';
import { MockError } from '../../errors.ts';
import { WELL_KNOWN } from '../../config.ts';
import { authenticateHuawei } from './authenticateHuawei.ts';
import { DEFAULT_REGION, iamId } from './iamIds.ts';
import type { SignedRequest } from './verifySdkHmac.ts';
import type { IssuedToken } from '../../state/tokenStore.ts';
import type { Runtime } from '../../runtime.ts';

type Json = Record<string, unknown>;

export interface IamReply { status: number; body: unknown; headers?: Record<string, string> }

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * `POST /v3/auth/tokens` with a password identity (huawei-ocr.md section 4.1): 201, the token in
 * `X-Subject-Token`, `{"token":{...}}` in the body, valid 24 h on the emulator's clock. Scope by
 * project id or name gives a project token; a domain scope (or none) a domain token, which OCR
 * refuses. `--auth strict` wants the well-known user and password, lenient any non-empty password.
 */
export function createToken(rt: Runtime, raw: Buffer, query: URLSearchParams, headers: IncomingHttpHeaders): IamReply {
  let parsed: unknown;
  try { parsed = JSON.parse(raw.toString('utf8')); } catch { throw new MockError('IAM.400'); }
  const identity = obj(obj(obj(parsed)?.auth)?.identity);
  const user = obj(obj(identity?.password)?.user);
  const domain = obj(user?.domain);
  const methods = identity?.methods;
  const userName = text(user?.name);
  const domainName = text(domain?.name) ?? text(domain?.id);
  if (!Array.isArray(methods) || !methods.includes('password') || !userName || !domainName || typeof user?.password !== 'string') {
    throw new MockError('IAM.400');
  }
  const { auth, seed } = rt.config;
  const wrong = auth === 'strict' ? userName !== WELL_KNOWN.huawei.user || user.password !== WELL_KNOWN.huawei.password : user.password === '';
  if (auth !== 'off' && wrong) throw new MockError('IAM.401');

  const scope = obj(obj(obj(parsed)?.auth)?.scope);
  const project = obj(scope?.project);
  const projectName = text(project?.name);
  const projectId = text(project?.id) ?? (projectName ? iamId(seed, 'project', projectName) : undefined);
  const domainRef = { id: text(domain?.id) ?? iamId(seed, 'domain', domainName), name: text(domain?.name) ?? domainName };
  const issued = rt.tokens.issue(rt.config.now(), {
    user: { id: iamId(seed, 'user', `${domainName}/${userName}`), name: userName, domain: domainRef },
    project: projectId ? { id: projectId, name: projectName ?? DEFAULT_REGION } : undefined,
  });
  return {
    status: 201,
    headers: { 'X-Subject-Token': issued.token },
    body: { token: tokenBody(issued, query.get('nocatalog') === 'true', String(headers.host ?? ''), seed) },
  };
}

/** The documented token body (section 4.1); the catalog lists the emulator itself as the OCR endpoint. */
function tokenBody(t: IssuedToken, noCatalog: boolean, host: string, seed: string): Json {
  const iso = (ms: number): string => new Date(ms).toISOString().replace(/Z$/, '000Z'); // microseconds, as IAM writes them
  const region = t.project?.name ?? DEFAULT_REGION;
  const body: Json = {
    expires_at: iso(t.expiresAt),
    issued_at: iso(t.issuedAt),
    methods: ['password'],
    ...(t.project ? { project: { ...t.project, domain: t.user.domain } } : { domain: t.user.domain }),
    roles: [{ id: '0', name: 'op_service' }],
    user: { ...t.user, password_expires_at: '' },
  };
  if (!noCatalog) {
    body.catalog = [{
      endpoints: [{ id: iamId(seed, 'endpoint', region), interface: 'public', region, region_id: region, url: `http://${host}` }],
      id: iamId(seed, 'service', 'ocr'), name: 'ocr', type: 'ocr',
    }];
  }
  return body;
}

/**
 * `GET /v3/projects?name=<region>`, AK/SK-signed by the SDKs when they have a region and no project id
 * (section 4.3): exactly one project, so both SDKs take `projects[0].id` and never go on to create one.
 */
export function listProjects(rt: Runtime, r: SignedRequest, query: URLSearchParams): IamReply {
  authenticateHuawei(r, rt);
  const name = query.get('name') || DEFAULT_REGION;
  const id = iamId(rt.config.seed, 'project', name);
  const domainId = iamId(rt.config.seed, 'domain', 'idcard-mock');
  const self = `http://${String(r.headers.host ?? '')}/v3/projects`;
  return {
    status: 200,
    body: {
      projects: [{ id, name, domain_id: domainId, is_domain: false, parent_id: domainId, enabled: true, description: '', links: { self: `${self}/${id}` } }],
      links: { self: `${self}?name=${encodeURIComponent(name)}`, next: null, previous: null },
    },
  };
}
