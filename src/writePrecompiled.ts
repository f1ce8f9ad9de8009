import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSettings } from './cli/settings.ts';
import { defaultConfig } from './config.ts';
import { createAjv } from './data/createAjv.ts';
import { compileSchema, schemasCompiledByAjv } from './data/compileSchema.ts';
import { CONFORMED_FILE, PRECOMPILED_FOLDER, SKELETONS_FILE } from './data/precompiled.ts';
import { conformedFiles } from './data/conformedFiles.ts';
import { schemaKey } from './data/schemaKey.ts';
import { DataError } from './data/loadData.ts';
import { skeletonOf } from './pipeline/buildResponse.ts';
import { createRuntime } from './runtime.ts';
import { stepProblems } from './state/stepProblems.ts';
import { requireDependency } from './requireDependency.ts';

/**
 * The build's last step (scripts/build.mjs, run on the fresh build in `folder`): boots on the shipped
 * data once, the way a start does, and writes into `folder`/precompiled/ what that boot made: each
 * schema Ajv compiled, as Ajv's standalone code, each response skeleton, and the keys of the data
 * files that conform to their meta-schema. A start then finds them by key (schemaKey) and loads
 * neither Ajv nor json-schema-faker, nor checks the shipped files again: that was most of a start's
 * time. Data edited later has other keys, and is compiled and checked as before.
 * Gives what it wrote, for the build to say.
 */
export function writePrecompiled(folder: string): { validators: number; skeletons: number; files: number; problems: string[] } {
  // The config schema (checked by every start), then the data's schemas as a start compiles them.
  checkSettings({});
  const skeletons: Record<string, Record<string, unknown>> = {};
  let problems: string[] = [];
  try {
    const { data } = createRuntime(defaultConfig());
    // The check of a binding's steps (a start compiles it on the first binding with steps).
    stepProblems(data, [{}]);
    for (const api of data.apis.values()) {
      skeletons[schemaKey(api.response)] = skeletonOf(api.response);
      // Not compiled by a start, which only checks that the response schema compiles.
      compileSchema(api.response);
    }
  } catch (e) {
    // Broken shipped data still builds: the schemas that compiled are precompiled, and a start lists the problems.
    if (!(e instanceof DataError)) throw e;
    problems = e.problems;
  }
  const standaloneCode = (requireDependency('ajv/dist/standalone') as { default: (ajv: object, fn: object) => string }).default;
  // A separate Ajv of the same settings that keeps each function's source; the schemas are compiled in the
  // order the boot compiled them, so one that refers to another by $id finds it.
  const ajv = createAjv({ source: true });
  const out = join(folder, PRECOMPILED_FOLDER);
  mkdirSync(out, { recursive: true });
  for (const [key, schema] of schemasCompiledByAjv()) {
    const id = (schema as { $id?: unknown }).$id;
    const validate = (typeof id === 'string' && ajv.getSchema(id)) || ajv.compile(schema);
    writeFileSync(join(out, `${key}.cjs`), `${standaloneCode(ajv, validate)}\n`);
  }
  writeFileSync(join(out, SKELETONS_FILE), JSON.stringify(skeletons));
  writeFileSync(join(out, CONFORMED_FILE), JSON.stringify([...conformedFiles]));
  return { validators: schemasCompiledByAjv().size, skeletons: Object.keys(skeletons).length, files: conformedFiles.size, problems };
}
