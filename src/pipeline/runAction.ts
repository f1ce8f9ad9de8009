import { MockError } from '../errors.ts';
import { handlers } from '../actions/index.ts';
import { resolveImage, type ImageInput } from './resolveImage.ts';
import { chooseScenarios, type ChosenScenario } from './chooseScenarios.ts';
import { buildResponse } from './buildResponse.ts';
import { checkResponse } from './checkResponse.ts';
import { createRandom } from '../identity/index.ts';
import type { ApiDefinition, Flavor } from '../data/types.ts';
import type { Runtime } from '../runtime.ts';

export interface ActionCall {
  api: ApiDefinition;
  params: Record<string, unknown>;
  flavor: Flavor;
  /** Scenario names the client asked for (X-Mock-Scenario). */
  scenarioNames: string[];
  /** Envelope fields that belong in the body (Tencent's RequestId). */
  envelope: Record<string, unknown>;
}

/**
 * Steps 5-7 of the lifecycle, shared by every provider: validate the parameters, read the image,
 * choose the scenario, then produce the body (or throw the scenario's or the input's error).
 * A named scenario wins over a real input problem: the user asked for that outcome.
 */
export async function runAction(rt: Runtime, call: ActionCall): Promise<{ body: Record<string, unknown>; scenario: ChosenScenario }> {
  const { api, params } = call;
  rt.validators.get(`${api.meta.provider}:${api.meta.action}`)!(params);
  const image: ImageInput = api.meta.image ? await resolveImage(api.meta.image, params, call.flavor, rt.config) : { key: 'none', markers: {} };
  const scenario = chooseScenarios(api, { named: call.scenarioNames, fromImage: image.markers.scenario ?? [], params });
  if (scenario.delayMs) await new Promise((r) => setTimeout(r, scenario.delayMs));
  if (scenario.error) throw new MockError(scenario.error);
  if (image.problem) throw new MockError(api.meta.image!.errors[image.problem]!);
  const fields = handlers[api.meta.handler]!({ api, params, flavor: call.flavor, image, scenario, runtime: rt });
  const seed = createRandom(rt.config.seed, image.key, api.meta.action).int(0, 2 ** 31 - 1);
  const body = buildResponse(api.response, seed, { ...fields, ...call.envelope }, scenario.response, call.flavor);
  if (rt.config.checkResponses) checkResponse(api, body);
  return { body, scenario };
}
