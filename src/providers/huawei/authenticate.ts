import { raise, raiseDiagnosed } from '../../errors.ts';
import { isSdkHmac, parseSdkHmac, checkSdkDate, verifySdkHmac, diagnoseSdkHmac } from '../../signing/sdkHmac.ts';
import type { ApiDefinition } from '../../data/types.ts';
import type { AuthContext, Caller, Decoded } from '../Provider.ts';

/**
 * AK/SK (`Authorization: SDK-HMAC-SHA256 ...`, what both SDKs send) or an IAM token (`X-Auth-Token`,
 * what plain HTTP clients send). `--auth lenient` (default): AKs not in the credential store pass, and
 * so do tokens the emulator did not issue if they are shaped like IAM tokens; `strict`: only stored AKs
 * and issued tokens; `off`: nothing is checked. Issued tokens expire in every mode but off. An API
 * whose action.json says `"auth": []` (IAM's password token API) takes no credential at all.
 */
export function authenticate(d: Decoded, api: ApiDefinition, ctx: AuthContext): Caller {
  const ways = api.meta.auth ?? ['signature', 'token'];
  if (ways.length === 0) return { id: 'anonymous' };
  const { config } = ctx;
  const authorization = typeof d.headers.authorization === 'string' ? d.headers.authorization : undefined;
  const token = typeof d.headers['x-auth-token'] === 'string' ? d.headers['x-auth-token'].trim() : '';
  if (config.auth === 'off') return { id: /Access=([^,\s]+)/.exec(authorization ?? '')?.[1] ?? (token ? 'token' : 'anonymous') };
  if (ways.includes('signature') && isSdkHmac(authorization)) return { id: checkAkSk(d, ctx) };
  if (!ways.includes('token')) throw raise('authorizationMalformed');
  if (!token) throw raise('tokenMissing');
  const issued = ctx.state.tokens.find(token);
  if (!issued) {
    if (config.auth === 'strict') throw raise('tokenUnknown');
    if (ctx.facts.tokenPattern && !new RegExp(ctx.facts.tokenPattern).test(token)) throw raise('tokenMalformed');
    return { id: 'token' };
  }
  if (ctx.now >= issued.expiresAt) throw raise('tokenExpired');
  // OCR needs a project-scoped token, for the project in the path; a token of another project is
  // answered as one used in another region.
  const projectId = d.pathParams.project_id;
  if (projectId !== undefined) {
    if (!issued.project) throw raise('tokenNotProjectScoped');
    if (issued.project.id !== projectId) throw raise('tokenOtherProject');
  }
  return { id: `${issued.user.name}@${issued.project?.id ?? issued.user.domain.name}` };
}

/** A locked AK is refused before anything else; a wrong signature of a known AK counts towards the lock. */
function checkAkSk(d: Decoded, { config, state, facts, now }: AuthContext): string {
  const auth = parseSdkHmac(d);
  if (state.lockout.isLocked(auth.ak, now)) throw raise('credentialLocked');
  checkSdkDate(auth, now, facts.limits.clockSkewSeconds ?? 900);
  const sk = config.credentials.huawei.get(auth.ak);
  if (sk === undefined) {
    if (config.auth === 'strict') throw raise('unknownCredential', { ak: auth.ak });
    return auth.ak;
  }
  if (!verifySdkHmac(d, auth, sk)) {
    if (facts.limits.lockout) state.lockout.fail(auth.ak, now, facts.limits.lockout);
    throw raiseDiagnosed('signatureMismatch', diagnoseSdkHmac(d, auth));
  }
  state.lockout.succeed(auth.ak);
  return auth.ak;
}
