import { roleError, diagnosedError } from '../../errors.ts';
import { isSdkHmac, parseSdkHmac, checkSdkDate, verifySdkHmac, diagnoseSdkHmac } from '../../signing/sdkHmac.ts';
import type { ApiDefinition } from '../../data/types.ts';
import type { AuthContext, Caller } from '../Provider.ts';
import type { HuaweiDecoded } from './decode.ts';
import type { LockoutRule } from '../../state/akLockout.ts';

/**
 * AK/SK (`Authorization: SDK-HMAC-SHA256 ...`, what both SDKs send) or an IAM token (`X-Auth-Token`,
 * what plain HTTP clients send). `--auth lenient` (default): AKs not in the credential store pass, and
 * so do tokens the emulator did not issue if they are shaped like IAM tokens; `strict`: only stored AKs
 * and issued tokens; `off`: nothing is checked. Issued tokens expire in every mode but off. An API
 * whose action.json says `"auth": []` (IAM's password token API) takes no credential at all.
 */
export async function authenticate(d: HuaweiDecoded, api: ApiDefinition, ctx: AuthContext): Promise<Caller> {
  const ways = api.meta.auth ?? ['signature', 'token'];
  if (ways.length === 0) return { id: 'anonymous' };
  const { config } = ctx;
  const authorization = typeof d.headers.authorization === 'string' ? d.headers.authorization : undefined;
  const token = typeof d.headers['x-auth-token'] === 'string' ? d.headers['x-auth-token'].trim() : '';
  if (config.auth === 'off') return { id: /Access=([^,\s]+)/.exec(authorization ?? '')?.[1] ?? (token ? 'token' : 'anonymous') };
  if (ways.includes('signature') && isSdkHmac(authorization)) return { id: await checkAkSk(d, ctx) };
  if (!ways.includes('token')) throw roleError('authorizationMalformed');
  if (!token) throw roleError('tokenMissing');
  const issued = await ctx.state.tokens.find(token);
  if (!issued) {
    if (config.auth === 'strict') throw roleError('tokenUnknown');
    if (ctx.facts.tokenPattern && !new RegExp(ctx.facts.tokenPattern).test(token)) throw roleError('tokenMalformed');
    return { id: 'token' };
  }
  if (ctx.now >= issued.expiresAt) {
    throw roleError('tokenExpired').noting(`the X-Auth-Token expired at ${new Date(issued.expiresAt).toISOString()} on the emulated clock (issued ${new Date(issued.issuedAt).toISOString()}): ask IAM for a new one`);
  }
  // OCR needs a project-scoped token, for the project in the path; a token of another project is
  // answered as one used in another region.
  const projectId = d.pathParams.project_id;
  if (projectId !== undefined) {
    if (!issued.project) {
      throw roleError('tokenNotProjectScoped').noting(`the X-Auth-Token is scoped to the domain ${issued.user.domain.name}, not to a project: OCR takes a token of auth.scope.project, for project ${projectId} of the path`);
    }
    if (issued.project.id !== projectId) {
      throw roleError('tokenOtherProject').noting(`the X-Auth-Token was issued for project ${issued.project.id} (${issued.project.name}), but the path names project ${projectId}: ask IAM for a token of that project, or call with the token's project in the path`);
    }
  }
  return { id: `${issued.user.name}@${issued.project?.id ?? issued.user.domain.name}` };
}

/**
 * A locked AK is refused before anything else; a wrong signature of a known AK counts towards the lock.
 * The vendor's answer says the AK is locked, not for how long or why: the notices do, on the
 * emulator's clock, and name the reset that clears it.
 */
async function checkAkSk(d: HuaweiDecoded, { config, state, facts, now, secretOf }: AuthContext): Promise<string> {
  const auth = parseSdkHmac(d);
  const locked = await state.lockout.lockedUntil(auth.ak, now);
  if (locked !== undefined) {
    throw roleError('credentialLocked').noting(`AK ${auth.ak} is locked out${afterFailures(facts.limits.lockout)}${lockedFor(locked, now)}`);
  }
  checkSdkDate(auth, now, facts.limits.clockSkewSeconds);
  const sk = secretOf(auth.ak);
  if (sk === undefined) {
    if (config.auth === 'strict') throw roleError('unknownCredential', { ak: auth.ak });
    return auth.ak;
  }
  if (!verifySdkHmac(d, auth, sk)) {
    const e = diagnosedError('signatureMismatch', diagnoseSdkHmac(d, auth));
    const rule = facts.limits.lockout;
    const failed = rule ? await state.lockout.fail(auth.ak, now, rule) : undefined;
    if (rule && failed?.lockedUntil !== undefined) {
      e.noting(`wrong signature ${rule.failures} in a row: AK ${auth.ak} is now locked out${lockedFor(failed.lockedUntil, now)}`);
    }
    throw e;
  }
  await state.lockout.succeed(auth.ak);
  return auth.ak;
}

const afterFailures = (rule: LockoutRule | undefined): string => (rule ? ` after ${rule.failures} wrong signatures in a row` : '');

/** How long a lockout lasts, on the emulated clock, and the two ways to end it sooner. */
function lockedFor(until: number, now: number): string {
  return ` for ${Math.ceil((until - now) / 1000)} s more on the emulated clock (until ${new Date(until).toISOString()}), signatures right or wrong; POST /__mock/reset clears it, or move the clock with POST /__mock/clock`;
}
