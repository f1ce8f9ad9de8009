import { RecognizeIdCard } from './RecognizeIdCard.ts';
import { RecognizeBankcard } from './RecognizeBankcard.ts';
import { RecognizePassport } from './RecognizePassport.ts';
import { KeystoneCreateUserTokenByPassword } from './KeystoneCreateUserTokenByPassword.ts';
import { KeystoneListProjects } from './KeystoneListProjects.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** The action logic, by the `handler` name an action.json gives. */
export const actions: Record<string, ActionHandler> = { RecognizeIdCard, RecognizeBankcard, RecognizePassport, KeystoneCreateUserTokenByPassword, KeystoneListProjects };
