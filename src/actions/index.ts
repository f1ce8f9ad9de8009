import { IDCardOCR } from './IDCardOCR.ts';
import { IdCardOCRVerification } from './IdCardOCRVerification.ts';
import { RecognizeMacaoIDCardOCR } from './RecognizeMacaoIDCardOCR.ts';
import { RecognizeIdCard } from './RecognizeIdCard.ts';
import type { ActionHandler } from './types.ts';

/** The action modules, by the `handler` name that schemas/<provider>/<service>/<Action>/action.json gives. */
export const handlers: Record<string, ActionHandler> = { IDCardOCR, RecognizeIdCard, RecognizeMacaoIDCardOCR, IdCardOCRVerification };
