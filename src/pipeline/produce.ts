import { MockError } from '../errors.ts';
import { handlers } from '../actions/index.ts';
import { buildResponse } from './buildResponse.ts';
import { presentFields } from './presentFields.ts';
import { checkResponse } from './checkResponse.ts';
import type { ChosenScenario } from './chooseScenarios.ts';
import type { Images } from './readImages.ts';
import type { Runtime } from '../runtime.ts';
import type { ApiDefinition, ProviderFacts } from '../data/types.ts';
import type { Call, Decoded } from '../providers/Provider.ts';

export interface Production {
  api: ApiDefinition;
  params: Record<string, unknown>;
  call: Call;
  images: Images;
  scenario: ChosenScenario;
  decoded: Decoded;
  facts: ProviderFacts;
  /** Envelope fields that belong in the body (Tencent's RequestId). */
  envelope: Record<string, unknown>;
}

export interface Reply { status: number; body: Record<string, unknown>; headers: Record<string, string> }

/**
 * The outcome: the scenario's error; else the first input problem (a named scenario wins over a real
 * problem: the user asked for that outcome); else the answer, which is the response schema's skeleton,
 * the fields the API's handler produces (if action.json names one), the envelope, and the scenario's
 * overrides, trimmed to what the request asked for.
 */
export function produce(rt: Runtime, p: Production): Reply {
  const { api, params, call, images, scenario } = p;
  if (scenario.error) throw MockError.code(scenario.error);
  if (images.image.problem) throw MockError.code(api.meta.image!.errors[images.image.problem]!);
  for (const [name, extra] of Object.entries(images.extra)) if (extra.problem) throw MockError.code(api.meta.extraImages![name]!.errors[extra.problem]!);

  const { config, state } = rt;
  const headers: Record<string, string> = {};
  const handler = api.meta.handler === undefined ? undefined : handlers[api.meta.handler]!;
  const fields = handler?.({
    api, params, flavor: call.flavor, language: call.requestedLanguage, image: images.image, images: images.extra, scenario,
    seed: config.seed, now: config.now(), register: state.register, tokens: state.tokens,
    strictRegister: config.strictRegister, auth: config.auth, dataDir: config.dataDir, limits: p.facts.limits,
    request: { host: String(p.decoded.headers.host ?? ''), query: new URLSearchParams(p.decoded.rawQuery) },
    setHeader: (name, value) => { headers[name] = value; },
  }) ?? {};
  const body = presentFields(buildResponse(api.response, { ...fields, ...p.envelope }, scenario.response), api.response, params, call.flavor);
  if (config.checkResponses) checkResponse(api, body);
  return { status: api.meta.status ?? 200, body, headers };
}
