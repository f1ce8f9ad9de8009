import { roleError } from '../../errors.ts';
import { parseTc3, verifyTc3 } from '../../signing/tc3.ts';
import { parseV1, verifyV1 } from '../../signing/v1.ts';
import type { ApiDefinition } from '../../data/types.ts';
import type { AuthContext, Caller } from '../Provider.ts';
import type { TencentDecoded } from './decode.ts';

/**
 * `--auth lenient` (default): structural checks for everyone, the full HMAC check for SecretIds in
 * the credential store; `strict`: only stored SecretIds; `off`: nothing. The caller is the SecretId,
 * `anonymous` when auth is off and none was sent.
 */
export function authenticate(r: TencentDecoded, _api: ApiDefinition, { config, facts, now, secretOf }: AuthContext): Caller {
  const v1 = r.style.startsWith('v1');
  if (config.auth === 'off') return { id: (v1 ? r.common.SecretId : /Credential=([^/]+)/.exec(String(r.headers.authorization))?.[1]) ?? 'anonymous' };
  const seconds = Math.floor(now / 1000);
  const skew = facts.limits.clockSkewSeconds;
  const tc3 = v1 ? undefined : parseTc3(r, seconds, skew);
  const secretId = tc3 ? tc3.secretId : parseV1(r, seconds, skew).secretId;
  const secretKey = secretOf(secretId);
  if (secretKey === undefined) {
    if (config.auth === 'strict') throw roleError('unknownCredential');
    return { id: secretId };
  }
  if (tc3) verifyTc3(r, tc3, secretKey);
  else verifyV1(r, secretKey);
  return { id: secretId };
}
