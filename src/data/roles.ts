import type { ApiDefinition, CodeRef, DataSet } from './types.ts';

/**
 * What the mechanisms can find. Each provider's data (schemas/<provider>/provider.json `roles`) or an
 * API's (action.json `roles`) names the vendor code for a role; src/ never names the code.
 */
export type Role =
  // the front door
  | 'bodyTooLarge' | 'methodNotAllowed' | 'unsupportedContentType' | 'malformedJson' | 'bodyNotObject' | 'malformedForm'
  | 'malformedMultipart' | 'unknownApi' | 'unknownVersion' | 'projectPlaceholder' | 'projectMismatch'
  // authentication
  | 'authorizationMalformed' | 'signedHeadersIncomplete' | 'clockSkew' | 'credentialDateMismatch' | 'payloadHashMismatch'
  | 'signatureMismatch' | 'unknownCredential' | 'dateMalformed' | 'nonceReused' | 'credentialLocked' | 'tokenMissing' | 'tokenUnknown' | 'tokenMalformed'
  | 'tokenExpired' | 'tokenOtherProject' | 'tokenNotProjectScoped'
  // limits and parameters
  | 'rateLimited' | 'unknownParameter' | 'missingParameter' | 'wrongType' | 'invalidValue'
  // an API's own logic
  | 'encryptFieldMissing' | 'decryptFailed' | 'sameSideTwice' | 'invalidIdentity' | 'wrongPassword'
  // a hosted verification flow: a token never issued, results past their keeping, another flow's rule, an answer that cannot be encrypted
  | 'flowUnknown' | 'flowExpired' | 'flowRuleMismatch' | 'encryptFailed'
  // the emulator itself
  | 'unknownScenario' | 'inexpressibleWarning' | 'invalidResponse' | 'clientClosed' | 'malformedRequest' | 'internal';

/** The code a role is answered with for this API: the API's own mapping, its provider's, then the emulator's. */
export function codeForRole(data: DataSet, provider: string, api: ApiDefinition | undefined, role: string): { code: string; variant?: string } | undefined {
  const ref: CodeRef | undefined = api?.meta.roles?.[role] ?? data.providers[provider]?.roles[role] ?? data.mockRoles[role];
  if (ref === undefined) return undefined;
  return typeof ref === 'string' ? { code: ref } : ref;
}
