import type { ApiDefinition, Catalog, Scenario } from './types.ts';

/**
 * Every error code an API can answer (its own catalog and its provider's common one) is a scenario
 * named by the code, every warning code one named `warning:<code>`, and every business result code of
 * a verification API (results.json) one named `result:<code>`, so any documented outcome can be asked
 * for by name without writing a file.
 */
export function catalogScenarios(api: ApiDefinition, common: Catalog): Scenario[] {
  const errors = [...new Set([...Object.keys(api.errors), ...Object.keys(common)])];
  return [
    ...errors.map((code) => ({ name: code, description: `Answer with the error ${code}`, source: 'catalog', error: code })),
    ...Object.keys(api.warnings).map((code) => ({
      name: `warning:${code}`,
      description: `The condition behind warning ${code} is present${reportedWhen(api.warnings[code]!.flag)}`,
      source: 'catalog',
      warnings: [code],
    })),
    ...Object.entries(api.results.results).map(([code, r]) => ({
      name: `result:${code}`,
      description: `Verification answers Result ${code}: ${r.en}`,
      source: 'catalog',
      result: code,
    })),
  ];
}

const reportedWhen = (flag: string | undefined): string => (flag ? ` (reported when ${flag} is on)` : '');
