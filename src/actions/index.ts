import { IDCardOCR } from './IDCardOCR.ts';
import { IdCardOCRVerification } from './IdCardOCRVerification.ts';
import { RecognizeMacaoIDCardOCR } from './RecognizeMacaoIDCardOCR.ts';
import { RecognizeIdCard } from './RecognizeIdCard.ts';
import { KeystoneCreateUserTokenByPassword } from './KeystoneCreateUserTokenByPassword.ts';
import { KeystoneListProjects } from './KeystoneListProjects.ts';
import type { ActionHandler } from './types.ts';

/** The action logic, by the `handler` name an action.json gives; one handler may serve several APIs. */
export const handlers: Record<string, ActionHandler> = {
  IDCardOCR, RecognizeIdCard, RecognizeMacaoIDCardOCR, IdCardOCRVerification, KeystoneCreateUserTokenByPassword, KeystoneListProjects,
};
