import { MockError } from '../../errors.ts';
import { isSdkHmac, parseSdkHmac, checkSdkDate, verifySdkHmac, type SignedRequest } from './verifySdkHmac.ts';
import type { IssuedToken } from '../../state/tokenStore.ts';
import type { Runtime } from '../../runtime.ts';

/** Who called: the rate-limit key (the AK, or the token's user), and the token when one was used. */
export interface HuaweiCaller { key: string; token?: IssuedToken }

/**
 * AK/SK (`Authorization: SDK-HMAC-SHA256 ...`, what both SDKs send) or an IAM token (`X-Auth-Token`,
 * what plain HTTP clients send: Surprises 8). `--auth lenient` (default): AKs not in the credential
 * store and tokens the emulator did not issue pass; `strict`: only stored AKs and issued tokens;
 * `off`: nothing is checked. Issued tokens expire after 24 h in every mode but off (APIG.0307).
 */
export function authenticateHuawei(r: SignedRequest, rt: Runtime): HuaweiCaller {
  const { config } = rt;
  const authorization = typeof r.headers.authorization === 'string' ? r.headers.authorization : undefined;
  const token = typeof r.headers['x-auth-token'] === 'string' ? r.headers['x-auth-token'].trim() : '';
  if (config.auth === 'off') return { key: /Access=([^,\s]+)/.exec(authorization ?? '')?.[1] ?? (token ? 'token' : 'anonymous') };
  if (isSdkHmac(authorization)) return { key: checkAkSk(r, rt) };
  if (!token) throw new MockError('APIG.0301', {}, 'tokenMissing');
  const issued = rt.tokens.find(token);
  if (!issued) {
    if (config.auth === 'strict') throw new MockError('APIG.0301', {}, 'tokenDecrypt');
    return { key: 'token' };
  }
  if (config.now() >= issued.expiresAt) throw new MockError('APIG.0307');
  return { key: issued.user.id, token: issued };
}

/** A locked AK is refused before anything else; a wrong signature of a known AK counts towards the lock (section 3.4). */
function checkAkSk(r: SignedRequest, rt: Runtime): string {
  const now = rt.config.now();
  const auth = parseSdkHmac(r);
  if (rt.lockout.isLocked(auth.ak, now)) throw new MockError('APIG.0301', {}, 'locked');
  checkSdkDate(auth, now);
  const sk = rt.config.credentials.huawei.get(auth.ak);
  if (sk === undefined) {
    if (rt.config.auth === 'strict') throw new MockError('APIG.0301', { ak: auth.ak }, 'akNotExist');
    return auth.ak;
  }
  if (!verifySdkHmac(r, auth, sk)) {
    rt.lockout.fail(auth.ak, now);
    throw new MockError('APIG.0301', {}, 'signature');
  }
  rt.lockout.succeed(auth.ak);
  return auth.ak;
}
