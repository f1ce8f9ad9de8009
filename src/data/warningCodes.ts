import type { ApiDefinition, Flavor } from './types.ts';

/**
 * A warning as a scenario writes it, as the API's codes: its own code, or a shared name (copy, reshoot, …)
 * for every code that carries it; with a flavour, only the codes that flavour reports. None: the API cannot express it.
 */
export function warningCodes(api: ApiDefinition, warning: string, flavor?: Flavor): string[] {
  if (warning in api.warnings) return [warning];
  return Object.entries(api.warnings).filter(([, w]) => w.name === warning && (!flavor || !w.flavors || w.flavors.includes(flavor))).map(([code]) => code);
}
