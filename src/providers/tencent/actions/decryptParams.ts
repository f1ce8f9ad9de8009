import { roleError } from '../../../errors.ts';
import { decryptFields, type Decrypted, type EncryptionParam } from '../../../encryption/decryptFields.ts';
import { testKeyPair } from '../../../encryption/testKeyPair.ts';

/**
 * The request's `Encryption` applied to its parameters (FaceID's sensitive-data encryption,
 * https://cloud.tencent.com/document/product/1007/47180): undefined without one. A field listed as
 * encrypted must have been sent (InvalidParameter.UnsupportEncryptField in the vendor's lists), and one
 * made for the published test key that does not decrypt is FailedOperation.DecryptSystemError.
 */
export function decryptParams(params: Record<string, unknown>, dataDir: string): Exclude<Decrypted, { status: 'failed' }> | undefined {
  const enc = params.Encryption as EncryptionParam | undefined;
  if (!enc) return undefined;
  if (enc.EncryptList.some((f) => params[f] === undefined)) throw roleError('encryptFieldMissing');
  const d = decryptFields(enc, params, testKeyPair(dataDir).privateKey);
  if (d.status === 'failed') throw roleError('decryptFailed');
  return d;
}
