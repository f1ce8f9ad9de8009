import type { DataSet } from './types.ts';
import { sharedWarningName } from './sharedWarningName.ts';
import { warningCodes } from './warningCodes.ts';

/** Whether some API answers to the scenario `name`: one of its scenarios, or a shared warning name (`warning:copy`) it can express. */
export function scenarioNameKnown(data: DataSet, name: string): boolean {
  const shared = sharedWarningName(name);
  return [...data.apis.values()].some((api) => api.scenarios.has(name) || (shared !== undefined && warningCodes(api, shared).length > 0));
}
