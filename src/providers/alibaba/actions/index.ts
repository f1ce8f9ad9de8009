import { RecognizeIdcard } from './RecognizeIdcard.ts';
import { Id2MetaVerify } from './Id2MetaVerify.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** The action logic, by the `handler` name an action.json gives. */
export const actions: Record<string, ActionHandler> = { RecognizeIdcard, Id2MetaVerify };
