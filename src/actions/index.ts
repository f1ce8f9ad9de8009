import { IDCardOCR } from './IDCardOCR.ts';
import type { ActionHandler } from './types.ts';

/** The action modules, by the `handler` name that schemas/<provider>/<service>/<Action>/action.json gives. */
export const handlers: Record<string, ActionHandler> = { IDCardOCR };
