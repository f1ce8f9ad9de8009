import { roleError } from '../../../errors.ts';
import { mobileCarrier } from '../../../identity/index.ts';
import { chinaDate, formatCompact } from '../../../identity/ymd.ts';
import { decryptFields, type EncryptionParam } from '../../../encryption/decryptFields.ts';
import { testKeyPair } from '../../../encryption/testKeyPair.ts';
import { verificationResult } from '../../../actions/verificationResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * The FaceID element verifications (要素核验: PhoneVerification, CheckPhoneAndName, MobileStatus,
 * BankCard4EVerification, BankCardVerification, BankCard2EVerification), one handler named by their
 * action.json: the elements each takes and the codes each rule answers are its results.json
 * (`params`, `idNumbers`, `names`, `phones`, `bankCards`, `certTypes`, `register`). The identity
 * register decides name against ID number, as for IdCardVerification; a phone or card number is
 * checked for what it is (a served mobile prefix, a Luhn check digit), never for whose it is: no
 * register of phones or cards exists. Results are success answers with Result and Description, and
 * the fields the result's entry sets.
 */
export const ElementsVerification: ActionHandler = async (input) => {
  const { api, params, flavor, language, scenario, now, register, strictRegister } = input;
  const { results } = api;
  const elements = ['name', 'idCard', 'phone', 'bankCard'] as const;
  const sent = (e: typeof elements[number]): string | undefined => {
    const p = results.params?.[e];
    return p === undefined ? undefined : String(params[p] ?? '');
  };
  const values: Partial<Record<typeof elements[number], string>> = Object.fromEntries(elements.map((e) => [e, sent(e)]));

  // The Encryption object (PhoneVerification: its three members as top-level parameters,
  // tencentcloud-sdk-nodejs faceid_models.d.ts PhoneVerificationRequest).
  const enc = (params.Encryption ?? (params.EncryptList !== undefined ? { EncryptList: params.EncryptList, CiphertextBlob: params.CiphertextBlob, Iv: params.Iv } : undefined)) as EncryptionParam | undefined;
  let opaque = false;
  if (enc) {
    if (!Array.isArray(enc.EncryptList) || typeof enc.CiphertextBlob !== 'string' || typeof enc.Iv !== 'string') throw roleError('encryptFieldMissing');
    // A field listed as encrypted must have been sent (InvalidParameter.UnsupportEncryptField in the vendor's list).
    if (enc.EncryptList.some((f) => params[f] === undefined)) throw roleError('encryptFieldMissing');
    const d = decryptFields(enc, params, testKeyPair(input.dataDir).privateKey);
    if (d.status === 'failed') throw roleError('decryptFailed');
    if (d.status === 'ok') for (const e of elements) { const p = results.params?.[e]; if (p !== undefined && d.values[p] !== undefined) values[e] = d.values[p]; }
    opaque = d.status === 'opaque';
  }

  const certParam = results.certTypes?.param;
  const result = scenario.result ?? (opaque
    // Encrypted for a key that is not the emulator's test key: the values cannot be read, so nothing is checked.
    ? (strictRegister ? results.register?.notOnRecordStrict : results.register?.notOnRecord)
    : await verificationResult({
      ...values, certType: certParam === undefined ? undefined : params[certParam],
      register, results, strict: strictRegister, scope: api.meta.action, day: formatCompact(chinaDate(new Date(now))),
    }));
  const entry = result === undefined ? undefined : results.results[result];
  if (!entry) throw new Error(`${api.meta.action}: result ${result} is not in results.json`);
  // Description (and the carrier's name) follow the language the client asked for, else the flavour, as IdCardOCRVerification's.
  const lang = language ?? (flavor === 'intl' ? 'en-US' : 'zh-CN');
  const fields: Record<string, unknown> = { ...entry.response, Result: result, Description: lang === 'en-US' ? entry.en : entry.zh };
  const phones = results.phones;
  if (phones?.field) {
    const carrier = opaque ? undefined : mobileCarrier(values.phone ?? '');
    const named = carrier ? phones.carriers?.[carrier] : undefined;
    fields[phones.field] = named ? (lang === 'en-US' ? named.en : named.zh) : '';
  }
  return fields;
};
