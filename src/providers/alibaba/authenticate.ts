import { roleError } from '../../errors.ts';
import { acs3Credential, parseAcs3, verifyAcs3 } from '../../signing/acs3.ts';
import type { ApiDefinition } from '../../data/types.ts';
import type { AuthContext, Caller } from '../Provider.ts';
import type { AlibabaDecoded } from './decode.ts';

/**
 * ACS3-HMAC-SHA256, as Tencent's TC3: `--auth lenient` (default) checks the form, the date and the
 * nonce of every request and the full signature of AccessKeyIds in the credential store (the
 * well-known one included); `strict` knows only stored AccessKeyIds; `off` checks nothing. The
 * caller is the AccessKeyId. A nonce seen within the skew window is refused (SignatureNonceUsed):
 * a replayed request would carry a date still inside that window.
 */
export async function authenticate(d: AlibabaDecoded, _api: ApiDefinition, { config, state, facts, now, secretOf }: AuthContext): Promise<Caller> {
  if (config.auth === 'off') return { id: acs3Credential(d.headers) ?? 'anonymous' };
  const skew = facts.limits.clockSkewSeconds;
  const auth = parseAcs3(d, now, skew);
  const secret = secretOf(auth.accessKeyId);
  if (secret === undefined && config.auth === 'strict') throw roleError('unknownCredential');
  if (secret !== undefined) verifyAcs3(d, auth, secret);
  if (!await state.nonces.use(auth.accessKeyId, auth.nonce, now, skew * 1000)) throw roleError('nonceReused');
  return { id: auth.accessKeyId };
}
