import { MockError } from '../errors.ts';
import { handlers } from '../actions/index.ts';
import { resolveImage, type ImageInput } from './resolveImage.ts';
import { chooseScenarios, type ChosenScenario } from './chooseScenarios.ts';
import { buildResponse } from './buildResponse.ts';
import { checkResponse } from './checkResponse.ts';
import { createRandom } from '../identity/index.ts';
import type { ApiDefinition, Flavor, Language } from '../data/types.ts';
import type { Runtime } from '../runtime.ts';

export interface ActionCall {
  api: ApiDefinition;
  params: Record<string, unknown>;
  flavor: Flavor;
  /** The language the client asked for, if it asked (text in success bodies, e.g. Description). */
  language?: Language;
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
  const image: ImageInput = api.meta.image ? await resolveImage(api.meta.image, params, call.flavor, rt.config) : { key: 'none', markers: {}, absent: true };
  const images: Record<string, ImageInput> = {};
  for (const [name, rules] of Object.entries(api.meta.extraImages ?? {})) images[name] = await resolveImage(rules, params, call.flavor, rt.config);
  const scenario = chooseScenarios(api, { named: call.scenarioNames, fromImage: image.markers.scenario ?? [], params });
  if (scenario.delayMs) await new Promise((r) => setTimeout(r, scenario.delayMs));
  if (scenario.error) throw new MockError(scenario.error);
  if (image.problem) throw new MockError(api.meta.image!.errors[image.problem]!);
  for (const [name, extra] of Object.entries(images)) if (extra.problem) throw new MockError(api.meta.extraImages![name]!.errors[extra.problem]!);
  const fields = handlers[api.meta.handler]!({ api, params, flavor: call.flavor, language: call.language, image, images, scenario, runtime: rt });
  const seed = createRandom(rt.config.seed, image.key, api.meta.action).int(0, 2 ** 31 - 1);
  const body = buildResponse(api.response, seed, { ...fields, ...call.envelope }, scenario.response, call.flavor);
  if (rt.config.checkResponses) checkResponse(api, body);
  return { body, scenario };
}
