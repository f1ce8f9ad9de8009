import type { DataSet } from './types.ts';

/** Whether some API answers to the scenario `name`: one of its scenarios, or a shared warning name (`warning:copy`) it can express. */
export function scenarioNameKnown(data: DataSet, name: string): boolean {
  const shared = name.startsWith('warning:') ? name.slice('warning:'.length) : undefined;
  return [...data.apis.values()].some((api) => api.scenarios.has(name) || (shared !== undefined && Object.values(api.warnings).some((w) => w.name === shared)));
}
