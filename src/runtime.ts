import { collectData, DataError } from './data/loadData.ts';
import { compileParamValidator, type ParamValidator } from './pipeline/validateParams.ts';
import { skeletonOf } from './pipeline/buildResponse.ts';
import { scenarioPersons } from './data/scenarioPersons.ts';
import { scenarioNameKnown } from './data/scenarioNameKnown.ts';
import { scenarioNames } from './data/scenarioNames.ts';
import { didYouMean } from './cli/didYouMean.ts';
import { handlers } from './actions/index.ts';
import { testKeyPair } from './encryption/testKeyPair.ts';
import { State } from './state/State.ts';
import { Clock } from './state/clock.ts';
import type { Config } from './config.ts';
import type { DataSet } from './data/types.ts';

/** The emulator of one server: the frozen config, the loaded data and what was compiled from it, and the state reset clears. */
export interface Runtime {
  config: Config;
  /** Read per request: reloadData swaps it (with validators) when the scenario files change under --watch. */
  data: DataSet;
  validators: Map<string, ParamValidator>;
  state: State;
  /** The emulator's clock (not cleared by reset: POST /__mock/clock moves it). */
  clock: Clock;
}

/** Loads and compiles everything once; every data problem is listed in one DataError, at boot. */
export function createRuntime(config: Config): Runtime {
  const { data, validators, problems } = compileData(config);
  if (problems.length) throw new DataError(problems);
  const rt = { config, data, validators, state: new State({ declaredPersons: scenarioPersons(data), journalSize: config.journalSize }), clock: new Clock(config.now) };
  resetRuntime(rt);
  return rt;
}

/**
 * Loads and compiles the data again (--watch) and, when it has no problem, swaps it in: data and
 * validators in one synchronous step, so no request sees the one without the other. With a problem
 * the running data stays. The state (journal, bindings, counters, coverage) is kept either way.
 * Returns the problems, empty when the new data is in use.
 */
export function reloadData(rt: Runtime): string[] {
  const { data, validators, problems } = compileData(rt.config);
  if (problems.length) return problems;
  rt.data = data;
  rt.validators = validators;
  return [];
}

/** POST /__mock/reset: clears the state, then puts back what the configuration starts with (--scenario). */
export function resetRuntime(rt: Runtime): void {
  rt.state.reset();
  if (rt.config.scenario) rt.state.bindings.setActive({ scenario: rt.config.scenario });
}

/** The data of `config` and what is compiled from it, with every problem of either. */
function compileData(config: Config): { data: DataSet; validators: Map<string, ParamValidator>; problems: string[] } {
  const { data, problems } = collectData(config.dataDir, config.scenarioDirs);
  const validators = new Map<string, ParamValidator>();
  for (const [key, api] of data.apis) {
    const where = `schemas/${api.meta.provider}/${api.meta.service}/${api.meta.action}/action.json`;
    if (api.meta.handler !== undefined && !handlers[api.meta.handler]) problems.push(`${where}: handler ${api.meta.handler} is not in src/actions/index.ts`);
    try {
      validators.set(key, compileParamValidator(api));
      skeletonOf(api.response);
    } catch {
      // the schema's own compile problem is already in the list (collectData)
    }
  }
  // The published test key pair (keys/) is data too: a missing or unreadable PEM is a boot problem, not a
  // failure of the first encrypted verification request.
  try {
    testKeyPair(config.dataDir);
  } catch (e) {
    problems.push(`keys/: ${(e as Error).message}`);
  }
  // Checked with the data, not when the flag is read: which names exist depends on the scenario folders.
  for (const name of (config.scenario ?? '').split(',').map((n) => n.trim()).filter(Boolean)) {
    if (!scenarioNameKnown(data, name)) problems.push(`--scenario ${name}: no API has a scenario of that name${didYouMean(name, scenarioNames(data))} (GET /__mock/scenarios lists them)`);
  }
  return { data, validators, problems };
}
