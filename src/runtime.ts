import { collectData, DataError } from './data/loadData.ts';
import { compileParamValidator, type ParamValidator } from './pipeline/validateParams.ts';
import { RateLimiter } from './pipeline/rateLimiter.ts';
import { Journal } from './state/journal.ts';
import { IdentityRegister } from './state/identityRegister.ts';
import { scenarioPersons } from './data/scenarioPersons.ts';
import { TokenStore } from './state/tokenStore.ts';
import { AkLockout } from './state/akLockout.ts';
import { handlers } from './actions/index.ts';
import { testKeyPair } from './encryption/testKeyPair.ts';
import type { Config } from './config.ts';
import type { DataSet } from './data/types.ts';

/** Everything a request handler needs: the frozen config, the loaded data, and the mutable state the admin API can reset. */
export interface Runtime {
  config: Config;
  data: DataSet;
  validators: Map<string, ParamValidator>;
  limiter: RateLimiter;
  journal: Journal;
  register: IdentityRegister;
  /** Huawei IAM tokens issued by POST /v3/auth/tokens. */
  tokens: TokenStore;
  /** Huawei AKs locked after repeated signature failures. */
  lockout: AkLockout;
}

/** Loads and compiles everything once; every data problem is listed in one DataError, at boot. */
export function createRuntime(config: Config): Runtime {
  const { data, problems } = collectData(config.dataDir);
  const validators = new Map<string, ParamValidator>();
  for (const [key, api] of data.apis) {
    const where = `schemas/${api.meta.provider}/${api.meta.service}/${api.meta.action}/action.json`;
    if (!handlers[api.meta.handler]) problems.push(`${where}: handler ${api.meta.handler} is not in src/actions/index.ts`);
    const codes = data.validationCodes[api.meta.provider];
    if (!codes) problems.push(`schemas/${api.meta.provider}/errors.json: no "validation" codes`);
    else {
      try {
        validators.set(key, compileParamValidator(api, codes));
      } catch {
        // the schema's own compile problem is already in the list (collectData)
      }
    }
  }
  // The published test key pair (keys/) is data too: a missing or unreadable PEM is a boot problem, not a
  // failure of the first encrypted IdCardOCRVerification request.
  try {
    testKeyPair(config.dataDir);
  } catch (e) {
    problems.push(`keys/: ${(e as Error).message}`);
  }
  if (problems.length) throw new DataError(problems);
  return { config, data, validators, limiter: new RateLimiter(), journal: new Journal(), register: new IdentityRegister(scenarioPersons(data)), tokens: new TokenStore(), lockout: new AkLockout() };
}
