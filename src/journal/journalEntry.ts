import type { ServerResponse } from 'node:http';
import { describeImage, maskHeaders, maskPersonal } from './maskPersonal.ts';
import type { SignatureDiagnosis } from '../errors.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { Images } from '../pipeline/readImages.ts';
import type { Call } from '../providers/Provider.ts';
import type { JournalEntry } from '../state/journal.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';

/** What the lifecycle saw of a request as it went: filled in stage by stage, as far as it got. */
export interface Observed {
  params?: Record<string, unknown>;
  images?: Images;
  /** The JSON written to the client. */
  body?: unknown;
  diagnosis?: SignatureDiagnosis;
}

export interface Answered {
  call: Call;
  provider: string;
  scenario?: ChosenScenario;
  notices: string[];
  outcome: string;
  res: ServerResponse;
  seen: Observed;
  ms: number;
  method: string;
  url: string;
}

/**
 * One journal entry: who called and how, the request and the answer with personal data masked (ID
 * numbers 6+4 characters, names one, images as format, size and hash; secrets and tokens never), the
 * scenario decision and what it held back, a failed signature's diagnosis, the stages passed.
 */
export function journalEntry(a: Answered): JournalEntry {
  const { call, seen } = a;
  const api = call.api;
  return {
    time: new Date(call.started).toISOString(),
    provider: a.provider,
    action: api?.meta.action,
    ...(a.provider === 'tencent' ? { flavor: call.flavor } : {}),
    requestId: call.requestId,
    caller: call.caller,
    style: call.style,
    scenarios: call.scenarioNames,
    rule: a.scenario?.rule,
    notices: a.notices,
    outcome: a.outcome,
    status: a.res.statusCode,
    durationMs: Math.round(a.ms * 10) / 10,
    stages: call.stages,
    request: {
      method: a.method,
      path: a.url.split('?')[0]!,
      headers: maskHeaders(call.headers),
      ...(seen.params ? { params: maskPersonal(withImagesDescribed(seen.params, seen.images, api?.meta), api?.request) as Record<string, unknown> } : {}),
    },
    response: {
      headers: maskHeaders(a.res.getHeaders() as Record<string, string | string[] | undefined>),
      ...(seen.body !== undefined ? { body: maskPersonal(seen.body, api && a.outcome === 'ok' ? wrap(a.provider, api.response) : undefined) } : {}),
    },
    ...(seen.diagnosis ? { diagnosis: seen.diagnosis } : {}),
  };
}

/** Tencent bodies sit inside `{"Response": …}`. */
function wrap(provider: string, schema: JsonSchema): JsonSchema {
  return provider === 'tencent' ? { type: 'object', properties: { Response: schema }, $defs: schema.$defs } : schema;
}

/** The image parameters replaced by what was read of them (already hashed once): a 7 MB upload is not hashed again. */
function withImagesDescribed(params: Record<string, unknown>, images: Images | undefined, meta: { image?: { base64: string }; extraImages?: Record<string, { base64: string }> } | undefined): Record<string, unknown> {
  if (!meta) return params;
  const out = { ...params };
  const described = (param: string, img: Images['image'] | undefined): void => {
    const v = out[param];
    if (typeof v !== 'string' || v === '') return;
    out[param] = img?.info && img.bytes ? `<image ${img.info.format} ${img.info.width}x${img.info.height} ${img.bytes.length} bytes sha256:${img.key.slice(0, 12)}>` : v.length > 4096 ? `<${v.length} characters>` : describeImage(v);
  };
  if (meta.image) described(meta.image.base64, images?.image);
  for (const [name, rules] of Object.entries(meta.extraImages ?? {})) described(rules.base64, images?.extra[name]);
  return out;
}
