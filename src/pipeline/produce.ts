import { MockError } from '../errors.ts';
import { personFor, personForId, type Person } from '../identity/index.ts';
import { buildResponse, writeJsonText } from './buildResponse.ts';
import { fieldWanted, leftOut, presentFields } from './presentFields.ts';
import { jsonText } from './jsonText.ts';
import { checkResponse } from './checkResponse.ts';
import { warningGate } from './warningGate.ts';
import type { ChosenScenario } from './chooseScenarios.ts';
import type { Images } from './readImages.ts';
import type { Runtime } from '../runtime.ts';
import type { ApiDefinition, ProviderFacts } from '../data/types.ts';
import type { Call, Decoded } from '../providers/Provider.ts';
import type { ActionHandler } from '../actions/types.ts';

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
  /** The provider's action logic, by handler name. */
  handlers: Readonly<Record<string, ActionHandler>>;
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
  /** The warning codes the answer reports (the scenario's, less those held back). */
  warnings: string[];
  /** A verification API's Result. */
  result?: string;
}

/**
 * The outcome: the scenario's error; else the first input problem (a named scenario wins over a real
 * problem: the user asked for that outcome); else the answer, which is the response schema's skeleton,
 * the fields the API's handler produces (if action.json names one), the envelope, and the scenario's
 * overrides, trimmed to what the request asked for. A present warning the request did not ask for is
 * held back as the vendor would, and said so in a notice.
 */
export async function produce(rt: Runtime, p: Production): Promise<Reply> {
  const { api, params, call, images, scenario } = p;
  if (scenario.error) throw MockError.code(scenario.error);
  if (images.image.problem) throw MockError.code(api.meta.image!.errors[images.image.problem]!);
  for (const [name, extra] of Object.entries(images.extra)) if (extra.problem) throw MockError.code(api.meta.extraImages![name]!.errors[extra.problem]!);

  const { config, state } = rt;
  const now = rt.clock.now();
  const headers: Record<string, string> = {};
  const warnings: string[] = [];
  for (const code of scenario.warnings) {
    const held = warningGate(api, code, params);
    if (held) scenario.notices.push(held);
    else warnings.push(code);
  }
  let person: Person | undefined;
  let wanted: ((path: string) => boolean) | undefined;
  const handler = api.meta.handler === undefined ? undefined : p.handlers[api.meta.handler]!;
  const fields = (await handler?.({
    api, params, flavor: call.flavor, language: call.requestedLanguage, image: images.image, images: images.extra, scenario,
    person: () => (person ??= pinnedPerson(api, scenario, config.seed, now) ?? personFor(images.image.key, config.seed, new Date(now))),
    seed: config.seed, now, register: state.register, tokens: state.tokens, flows: state.faceIdFlows,
    strictRegister: config.strictRegister, auth: config.auth, dataDir: config.dataDir, limits: p.facts.limits, testCredentials: p.facts.testCredentials.values,
    request: { host: String(p.decoded.headers.host ?? ''), query: new URLSearchParams(p.decoded.rawQuery) },
    setHeader: (name, value) => { headers[name] = value; },
    wanted: (path) => (wanted ??= fieldWanted(api.response, params, call.flavor))(path),
  })) ?? {};
  const body = writeJsonText(api.response, presentFields(buildResponse(api.response, { ...fields, ...p.envelope }, scenario.response), api.response, params, call.flavor));
  for (const path of Object.keys(scenario.response).length ? leftOut(api.response, scenario.response, params, call.flavor) : []) {
    scenario.notices.push(`${path} of scenario ${scenario.names.join(', ')} left out: this request does not ask for it`);
  }
  if (config.checkResponses) checkResponse(api, body);
  const field = api.results.field;
  // A dot path where the result sits inside an object of the answer (`ResultObject.BizCode`), or inside JSON text (`DetectInfo.Text.ErrCode`).
  const value = field?.split('.').reduce<unknown>((o, k) => {
    const v = typeof o === 'string' ? jsonText(o) : o;
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
  }, body);
  // A code the vendor sends as a number (a hosted flow's `Text.ErrCode`) is counted as its text.
  const result = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  return { status: api.meta.status ?? 200, body, headers, warnings, result };
}

/** The person an ID number pinned by the scenario describes (action.json `pinnedId` says where it may be pinned). */
function pinnedPerson(api: ApiDefinition, scenario: ChosenScenario, seed: string, now: number): Person | undefined {
  for (const path of api.meta.pinnedId ?? []) {
    const v = path.split('.').reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), scenario.response);
    if (typeof v === 'string') return personForId(v, seed, new Date(now));
  }
  return undefined;
}
