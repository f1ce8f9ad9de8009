import { collectData, DataError } from './data/loadData.ts';
import { compileParamValidator, type ParamValidator } from './pipeline/validateParams.ts';
import { skeletonOf } from './pipeline/buildResponse.ts';
import { scenarioPersons } from './data/scenarioPersons.ts';
import { handlers } from './actions/index.ts';
import { testKeyPair } from './encryption/testKeyPair.ts';
import { State } from './state/State.ts';
import { Clock } from './state/clock.ts';
import type { Config } from './config.ts';
import type { DataSet } from './data/types.ts';

/** The emulator of one server: the frozen config, the loaded data and what was compiled from it, and the state reset clears. */
export interface Runtime {
  config: Config;
  data: DataSet;
  validators: Map<string, ParamValidator>;
  state: State;
  /** The emulator's clock (not cleared by reset: POST /__mock/clock moves it). */
  clock: Clock;
}

/** Loads and compiles everything once; every data problem is listed in one DataError, at boot. */
export function createRuntime(config: Config): Runtime {
  const { data, problems } = collectData(config.dataDir);
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
  if (problems.length) throw new DataError(problems);
  const rt = { config, data, validators, state: new State({ declaredPersons: scenarioPersons(data), journalSize: config.journalSize }), clock: new Clock(config.now) };
  resetRuntime(rt);
  return rt;
}

/** POST /__mock/reset: clears the state, then puts back what the configuration starts with (--scenario). */
export function resetRuntime(rt: Runtime): void {
  rt.state.reset();
  if (rt.config.scenario) rt.state.bindings.setActive({ scenario: rt.config.scenario });
}
