import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { didYouMean } from '../cli/didYouMean.ts';
import { compileSchema } from '../data/compileSchema.ts';
import { describeSchemaErrors } from '../data/describeSchemaErrors.ts';
import { packageRoot } from '../packageRoot.ts';
import type { DataSet, Outcome } from '../data/types.ts';

/** The schema of scenario files, whose `steps` a binding's steps are: one rule for a step in a file and in a binding. */
const SCENARIO_SCHEMA_PATH = join(packageRoot, 'schemas/_meta/scenario.schema.json');
let schema: object | undefined;
// Compiled on the first binding with steps (or by the build, which precompiles it): most starts bind none.
let validate: ValidateFunction | undefined;

/**
 * What is wrong with the steps of a binding (PUT /__mock/bindings/{credential} and /__mock/active,
 * startMock's bind and setActive), each problem starting with the step's path (`/steps/0/fault`): the
 * step against the scenario schema's steps (an unknown key, a bad fault, a negative latency), then its
 * error code, warnings and result against the catalogs of every API, with the nearest known name.
 * A binding is for any API the caller calls, so a code is good when some API has it.
 */
export function stepProblems(data: DataSet, steps: readonly unknown[]): string[] {
  schema ??= JSON.parse(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')) as object;
  validate ??= compileSchema(schema);
  const value = { description: 'a binding', steps };
  if (!validate(value)) return describeSchemaErrors(validate.errors ?? [], schema, value).map((p) => p.text);
  const apis = [...data.apis.values()];
  const codes = new Set([...Object.keys(data.mockErrors), ...Object.values(data.commonErrors).flatMap(Object.keys), ...apis.flatMap((a) => Object.keys(a.errors))]);
  const warnings = new Set(apis.flatMap((a) => Object.entries(a.warnings).flatMap(([code, w]) => (w.name ? [code, w.name] : [code]))));
  const results = new Set(apis.flatMap((a) => Object.keys(a.results.results)));
  const problems: string[] = [];
  (steps as Outcome[]).forEach((step, i) => {
    const at = `/steps/${i}`;
    if (step.error !== undefined && !codes.has(step.error)) problems.push(`${at}/error: no API has the error code ${step.error}${didYouMean(step.error, [...codes])} (GET /__mock/scenarios lists them)`);
    for (const w of step.warnings ?? []) if (!warnings.has(w)) problems.push(`${at}/warnings: no API has the warning ${w}${didYouMean(w, [...warnings])} (a warning code or a shared name such as copy)`);
    if (step.result !== undefined && !results.has(step.result)) problems.push(`${at}/result: no API has the result code ${step.result}${didYouMean(step.result, [...results])}`);
  });
  return problems;
}
