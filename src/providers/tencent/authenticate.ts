import { MockError } from '../../errors.ts';
import type { Config } from '../../config.ts';
import { parseTc3, verifyTc3 } from './verifyTc3.ts';
import { parseV1, verifyV1 } from './verifyV1.ts';
import type { TencentRequest } from './decodeRequest.ts';

/**
 * `--auth lenient` (default): structural checks for everyone, the full HMAC check for SecretIds in
 * the credential store; `strict`: only stored SecretIds; `off`: nothing. Returns the SecretId (the
 * rate-limit key), `anonymous` when auth is off and none was sent.
 */
export function authenticate(r: TencentRequest, config: Config): string {
  const v1 = r.style.startsWith('v1');
  if (config.auth === 'off') return (v1 ? r.common.SecretId : /Credential=([^/]+)/.exec(String(r.headers.authorization))?.[1]) ?? 'anonymous';
  const now = Math.floor(config.now() / 1000);
  const tc3 = v1 ? undefined : parseTc3(r, now);
  const secretId = tc3 ? tc3.secretId : parseV1(r, now).secretId;
  const secretKey = config.credentials.tencent.get(secretId);
  if (secretKey === undefined) {
    if (config.auth === 'strict') throw new MockError('AuthFailure.SecretIdNotFound');
    return secretId;
  }
  if (tc3) verifyTc3(r, tc3, secretKey);
  else verifyV1(r, secretKey);
  return secretId;
}
