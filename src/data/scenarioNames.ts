import type { DataSet } from './types.ts';

/** Every scenario name some API answers to, and each shared warning name as `warning:<name>`: the candidates of a did-you-mean. */
export function scenarioNames(data: DataSet): string[] {
  const names = new Set<string>();
  for (const api of data.apis.values()) {
    for (const name of api.scenarios.keys()) names.add(name);
    for (const w of Object.values(api.warnings)) if (w.name) names.add(`warning:${w.name}`);
  }
  return [...names];
}
