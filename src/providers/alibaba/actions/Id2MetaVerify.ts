import { chinaDate, formatCompact } from '../../../identity/ymd.ts';
import { verificationResult } from '../../../actions/verificationResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * Id2MetaVerify: the name and ID number against the identity register, by the same rule as Tencent's
 * IdCardVerification (src/actions/verificationResult.ts): the name on record for the number matches
 * (BizCode 1) or not (2); an invalid number has no record (3); a valid number nobody was issued
 * matches, or has no record with --strict-register. ParamType is `normal` only: the vendor says
 * two-factor verification does not take MD5 (api-docs.json ParamType), so md5 is refused by the
 * request schema (401).
 */
export const Id2MetaVerify: ActionHandler = async ({ api, params, scenario, register, strictRegister, now }) => {
  const result = scenario.result ?? await verificationResult({
    name: String(params.UserName ?? ''), idCard: String(params.IdentifyNum ?? ''), register, results: api.results,
    strict: strictRegister, scope: api.meta.action, day: formatCompact(chinaDate(new Date(now))),
  });
  return { ResultObject: { BizCode: result } };
};
