import { IDCardOCR } from './IDCardOCR.ts';
import { IdCardOCRVerification } from './IdCardOCRVerification.ts';
import { RecognizeMacaoIDCardOCR } from './RecognizeMacaoIDCardOCR.ts';
import { DetectAuth } from './DetectAuth.ts';
import { GetDetectInfoEnhanced } from './GetDetectInfoEnhanced.ts';
import { GetDetectInfo } from './GetDetectInfo.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** The action logic, by the `handler` name an action.json gives; one handler may serve several APIs (IdCardVerification). */
export const actions: Record<string, ActionHandler> = { IDCardOCR, RecognizeMacaoIDCardOCR, IdCardOCRVerification, DetectAuth, GetDetectInfoEnhanced, GetDetectInfo };
