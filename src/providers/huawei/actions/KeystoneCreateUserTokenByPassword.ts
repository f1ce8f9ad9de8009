import { roleError } from '../../../errors.ts';
import { DEFAULT_REGION, iamId } from './iamIds.ts';
import type { IssuedToken } from '../../../state/tokenStore.ts';
import type { ActionHandler } from '../../../actions/types.ts';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * IAM password tokens (获取IAM用户Token（使用密码）): the token in `X-Subject-Token`, `{"token":{...}}`
 * in the body, valid for the provider's token lifetime on the emulator's clock. Scope by project id or
 * name gives a project token; a domain scope (or none) a domain token, which OCR refuses. `--auth
 * strict` wants the well-known user and password, lenient any non-empty password.
 */
export const KeystoneCreateUserTokenByPassword: ActionHandler = async ({ params, auth, seed, now, tokens, testCredentials, limits, request, setHeader }) => {
  const user = obj(obj(obj(obj(params.auth)?.identity)?.password)?.user);
  const domain = obj(user?.domain);
  const userName = text(user?.name);
  const domainName = text(domain?.name) ?? text(domain?.id);
  if (!userName || !domainName) throw roleError('invalidIdentity');
  const password = String(user?.password ?? '');
  const wrong = auth === 'strict' ? userName !== testCredentials.user || password !== testCredentials.password : password === '';
  if (auth !== 'off' && wrong) throw roleError('wrongPassword');

  const project = obj(obj(obj(params.auth)?.scope)?.project);
  const projectName = text(project?.name);
  const projectId = text(project?.id) ?? (projectName ? iamId(seed, 'project', projectName) : undefined);
  const domainRef = { id: text(domain?.id) ?? iamId(seed, 'domain', domainName), name: text(domain?.name) ?? domainName };
  const issued = await tokens.issue(now, (limits.tokenLifetimeSeconds ?? 86400) * 1000, {
    user: { id: iamId(seed, 'user', `${domainName}/${userName}`), name: userName, domain: domainRef },
    project: projectId ? { id: projectId, name: projectName ?? DEFAULT_REGION } : undefined,
  });
  setHeader('X-Subject-Token', issued.token);
  return { token: tokenBody(issued, request.query.get('nocatalog') === 'true', request.host, seed) };
};

/** The documented token body; the catalog lists the emulator itself as the OCR endpoint. */
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
