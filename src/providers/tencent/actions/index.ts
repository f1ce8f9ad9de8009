import { BankCardOCR } from './BankCardOCR.ts';
import { IDCardOCR } from './IDCardOCR.ts';
import { IdCardOCRVerification } from './IdCardOCRVerification.ts';
import { ElementsVerification } from './ElementsVerification.ts';
import { CheckIdCardInformation } from './CheckIdCardInformation.ts';
import { LivenessCompare } from './LivenessCompare.ts';
import { RecognizeMacaoIDCardOCR } from './RecognizeMacaoIDCardOCR.ts';
import { RecognizeValidIDCardOCR } from './RecognizeValidIDCardOCR.ts';
import { DetectAuth } from './DetectAuth.ts';
import { GetDetectInfoEnhanced } from './GetDetectInfoEnhanced.ts';
import { GetDetectInfo } from './GetDetectInfo.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** The action logic, by the `handler` name an action.json gives; one handler may serve several APIs (IdCardVerification). */
export const actions: Record<string, ActionHandler> = { IDCardOCR, RecognizeMacaoIDCardOCR, RecognizeValidIDCardOCR, IdCardOCRVerification, BankCardOCR, ElementsVerification, CheckIdCardInformation, LivenessCompare, DetectAuth, GetDetectInfoEnhanced, GetDetectInfo };
