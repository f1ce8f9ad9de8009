import type { ServerResponse } from 'node:http';
import { describeImage, maskHeaders, maskPersonal, maskText } from './maskPersonal.ts';
import { maskDiagnosis } from './maskDiagnosis.ts';
import type { SignatureDiagnosis } from '../errors.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { Images } from '../pipeline/readImages.ts';
import type { Call } from '../providers/Provider.ts';
import type { JournalEntry } from '../state/journal.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';
import type { ProviderFacts } from '../data/types.ts';

/** What the lifecycle saw of a request as it went: filled in stage by stage, as far as it got. */
export interface Observed {
  params?: Record<string, unknown>;
  images?: Images;
  /** The JSON written to the client. */
  body?: unknown;
  diagnosis?: SignatureDiagnosis;
  /** The size of the request body as received. */
  bodyBytes?: number;
}

export interface Answered {
  call: Call;
  /** The provider's data: its answer wrapper, flavours and secret headers shape the entry. */
  facts: ProviderFacts;
  scenario?: ChosenScenario;
  notices: string[];
  outcome: string;
  res: ServerResponse;
  seen: Observed;
  ms: number;
  method: string;
  url: string;
}

/** Bodies larger than this are masked when recorded, so the journal never holds on to a large upload's text. */
const LAZY_UP_TO_BYTES = 64 * 1024;

/**
 * One journal entry: who called and how, the request and the answer with personal data masked (ID
 * numbers their last 4 characters, birth dates their year, names one character, images as format, size and hash; secrets and tokens never), the
 * scenario decision and what it held back, a failed signature's diagnosis, the stages passed.
 *
 * The masked request and response are worked out when first read (GET /__mock/journal, the event
 * stream, a test), not on every request: masking walks both bodies against their schemas and was the
 * largest part of recording. They are own enumerable getters, so JSON.stringify and spreading see
 * plain fields. What they hold is small: image parameters are replaced by their description now (the
 * decoded image is not kept), and a request whose body is over 64 KiB is masked at once.
 */
export function journalEntry(a: Answered): JournalEntry {
  const { call, seen } = a;
  const api = call.api;
  // Only what masking needs is kept until then; not `a` itself, which holds the response (its socket)
  // and the decoded images (a 7 MB upload).
  let pending: Pending | undefined = {
    method: a.method,
    path: a.url.split('?')[0]!,
    requestHeaders: call.headers,
    params: seen.params && withImagesDescribed(seen.params, seen.images, api?.meta),
    requestSchema: api?.request,
    responseHeaders: a.res.getHeaders() as Record<string, string | string[] | undefined>,
    body: seen.body,
    bodySchema: api && a.outcome === 'ok' ? wrap(a.facts.answerWrapper, api.response) : undefined,
    secretHeaders: a.facts.secretHeaders ?? [],
  };
  let masked: Masked | undefined;
  const mask = (): Masked => {
    if (!masked) {
      masked = maskedOf(pending!);
      pending = undefined;
    }
    return masked;
  };
  const entry: JournalEntry = {
    time: new Date(call.started).toISOString(),
    provider: a.facts.provider,
    action: api?.meta.action,
    // Undefined fields are left out of the JSON; no spread here, which would take V8 off its fast path for literals.
    flavor: a.facts.flavors ? call.flavor : undefined,
    requestId: call.requestId,
    caller: call.caller,
    style: call.style,
    scenarios: call.scenarioNames,
    rule: a.scenario?.rule,
    // A notice may quote what the caller sent (a refused value): ID numbers in it are masked like any text.
    notices: a.notices.map(maskText),
    outcome: a.outcome,
    status: a.res.statusCode,
    durationMs: Math.round(a.ms * 10) / 10,
    stages: call.stages,
    get request() { return mask().request; },
    get response() { return mask().response; },
    diagnosis: seen.diagnosis && maskDiagnosis(seen.diagnosis, api?.request),
  };
  if ((seen.bodyBytes ?? 0) > LAZY_UP_TO_BYTES) mask();
  return entry;
}

interface Pending {
  method: string;
  path: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  params?: Record<string, unknown>;
  requestSchema?: JsonSchema;
  responseHeaders: Record<string, string | string[] | undefined>;
  body: unknown;
  bodySchema?: JsonSchema;
  secretHeaders: readonly string[];
}
interface Masked { request: NonNullable<JournalEntry['request']>; response: NonNullable<JournalEntry['response']> }

function maskedOf(p: Pending): Masked {
  return {
    request: {
      method: p.method,
      path: p.path,
      headers: maskHeaders(p.requestHeaders, p.secretHeaders),
      ...(p.params ? { params: maskPersonal(p.params, p.requestSchema) as Record<string, unknown> } : {}),
    },
    response: { headers: maskHeaders(p.responseHeaders, p.secretHeaders), ...(p.body !== undefined ? { body: maskPersonal(p.body, p.bodySchema) } : {}) },
  };
}

/** The answer's schema under the vendor's wrapper (provider.json `answerWrapper`: `{"Response": …}`), if it has one. */
function wrap(wrapper: string | undefined, schema: JsonSchema): JsonSchema {
  return wrapper ? { type: 'object', properties: { [wrapper]: schema }, $defs: schema.$defs } : schema;
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
