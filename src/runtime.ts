import { collectData, DataError } from './data/loadData.ts';
import { compileParamValidator, type ParamValidator } from './pipeline/validateParams.ts';
import { skeletonOf } from './pipeline/buildResponse.ts';
import { scenarioPersons } from './data/scenarioPersons.ts';
import { scenarioNameKnown } from './data/scenarioNameKnown.ts';
import { scenarioNames } from './data/scenarioNames.ts';
import { didYouMean } from './cli/didYouMean.ts';
import { providers } from './providers/index.ts';
import { testKeyPair } from './encryption/testKeyPair.ts';
import { memoryState } from './state/memoryState.ts';
import { redisState } from './state/redis/redisState.ts';
import { declaredNames } from './state/identityRegister.ts';
import { Clock } from './state/clock.ts';
import type { State } from './state/State.ts';
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
  /** Connects the state store (Redis); rejects, naming the URL with its password masked, when it cannot. Memory: at once. */
  connectState(): Promise<void>;
  /** With shared state, how this replica names itself in the journal (`host:port` once listening). */
  replica?: string;
}

/** Loads and compiles everything once; every data problem is listed in one DataError, at boot. */
export function createRuntime(config: Config): Runtime {
  const { data, validators, problems } = compileData(config);
  if (problems.length) throw new DataError(problems);
  const options = { declared: declaredNames(scenarioPersons(data)), journalSize: config.journalSize };
  const store = config.state === undefined || config.state === 'memory' ? { state: memoryState(options), connect: () => Promise.resolve() } : redisState({ ...options, url: config.state, prefix: config.statePrefix ?? 'idcard-mock' });
  const { state } = store;
  const rt: Runtime = { config, data, validators, state, clock: new Clock(config.now, state.clock, state.kind !== 'memory'), connectState: async () => {
    await store.connect();
    // The --scenario of a replica joining a shared store is set once it is connected.
    if (state.kind !== 'memory' && config.scenario) await state.bindings.setActive({ scenario: config.scenario });
  } };
  // The memory store takes it at once (its operations finish before they return), so a server used without connectState has it too.
  if (state.kind === 'memory' && config.scenario) void state.bindings.setActive({ scenario: config.scenario });
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
export async function resetRuntime(rt: Runtime): Promise<void> {
  await rt.state.reset();
  if (rt.config.scenario) await rt.state.bindings.setActive({ scenario: rt.config.scenario });
}

/** The data of `config` and what is compiled from it, with every problem of either. */
function compileData(config: Config): { data: DataSet; validators: Map<string, ParamValidator>; problems: string[] } {
  const { data, problems } = collectData(config.dataDir, config.scenarioDirs);
  const validators = new Map<string, ParamValidator>();
  for (const [key, api] of data.apis) {
    const where = `schemas/${api.meta.provider}/${api.meta.service}/${api.meta.action}/action.json`;
    const provider = providers.find((p) => p.name === api.meta.provider);
    if (!provider) problems.push(`${where}: no provider ${api.meta.provider} is registered in src/providers/index.ts`);
    else if (api.meta.handler !== undefined && !provider.actions[api.meta.handler]) problems.push(`${where}: handler ${api.meta.handler} is not one of the ${api.meta.provider} provider's actions (${Object.keys(provider.actions).join(', ')})`);
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
