import type { ServerResponse } from 'node:http';
import { describeImage, maskHeaders, maskPersonal, maskText } from './maskPersonal.ts';
import { maskDiagnosis } from './maskDiagnosis.ts';
import { textBytes } from './textBytes.ts';
import type { SignatureDiagnosis } from '../errors.ts';
import type { ChosenScenario } from '../pipeline/chooseScenarios.ts';
import type { Images } from '../pipeline/readImages.ts';
import type { Call } from '../providers/Provider.ts';
import { STAGES, type JournalEntry, type Recorded, type Stage } from '../state/journal.ts';
import type { JsonSchema } from '../data/jsonSchema.ts';
import type { ApiDefinition, ProviderFacts } from '../data/types.ts';

/** What the lifecycle saw of a request as it went: filled in stage by stage, as far as it got. */
export interface Observed {
  params?: Record<string, unknown>;
  images?: Images;
  /** The JSON text written to the client. */
  body?: string;
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
 * One request as the journal keeps it, made into its JournalEntry (`shown()`) only when read: by
 * GET /__mock/journal, the event stream, the request log, a test, or a shared store that sends it on.
 *
 * Kept compact on purpose: every request of the last `--journal-size` outlives a few young-generation
 * collections, and V8 copies and then promotes what it holds. A record of numbers and one run of UTF-8 bytes
 * outside V8's heap (the request's headers, parameters and response headers as JSON text, the answer as the
 * text sent: see packed) costs far less to keep than the entry's objects, or than those texts as strings
 * (`npm run bench:compare -- . '.+--journal-size 1'` shows what keeping the journal costs an answer;
 * docs/performance.md has the figures).
 *
 * The entry says who called and how, the request and the answer with personal data masked (ID numbers their
 * last 4 characters, birth dates their year, names one character, images as format, size and hash; secrets
 * and tokens never), the scenario decision and what it held back, a failed signature's diagnosis, the
 * stages passed. Its request and response are masked when first read (masking walks both bodies against
 * their schemas): own enumerable getters, so JSON.stringify and spreading see plain fields.
 */
export class RecordedRequest implements Recorded {
  /** With shared state: which replica answered (`host:port`). */
  replica?: string;
  readonly #started: number;
  readonly #facts: ProviderFacts;
  readonly #api: ApiDefinition | undefined;
  readonly #flavor: string | undefined;
  readonly #requestId: string;
  readonly #caller: string | undefined;
  readonly #style: string | undefined;
  readonly #scenarios: string[] | undefined;
  readonly #rule: string | undefined;
  readonly #notices: string[] | undefined;
  readonly #outcome: string;
  readonly #status: number;
  readonly #ms: number;
  /** The stages passed, one bit each in STAGES order (the lifecycle enters them in that order). */
  readonly #stages: number;
  readonly #diagnosis: JournalEntry['diagnosis'];
  #pending: Buffer | Pending | undefined;
  #maskedParts: Masked | undefined;
  #shown: JournalEntry | undefined;

  constructor(a: Answered) {
    const { call, seen } = a;
    const api = call.api;
    this.#started = call.started;
    this.#facts = a.facts;
    this.#api = api;
    this.#flavor = a.facts.flavors ? call.flavor : undefined;
    this.#requestId = call.requestId;
    this.#caller = call.caller;
    this.#style = call.style;
    this.#scenarios = call.scenarioNames.length ? call.scenarioNames : undefined;
    this.#rule = a.scenario?.rule;
    this.#notices = a.notices.length ? a.notices : undefined;
    this.#outcome = a.outcome;
    this.#status = a.res.statusCode;
    this.#ms = a.ms;
    this.#stages = stageBits(call.stages);
    this.#diagnosis = seen.diagnosis && maskDiagnosis(seen.diagnosis, api?.request);
    this.#pending = packed({
      method: a.method,
      url: a.url,
      requestHeaders: JSON.stringify(call.headers),
      params: seen.params && paramsKept(withImagesDescribed(seen.params, seen.images, api?.meta)),
      responseHeaders: JSON.stringify(a.res.getHeaders()),
      body: seen.body,
    });
    if ((seen.bodyBytes ?? 0) > LAZY_UP_TO_BYTES) this.#mask();
  }

  /** The journal entry (made once). */
  shown(): JournalEntry {
    if (this.#shown) return this.#shown;
    const api = this.#api;
    // The getters run on the entry, so they reach the record through this closure.
    const mask = (): Masked => this.#mask();
    const entry = {
      time: new Date(this.#started).toISOString(),
      provider: this.#facts.provider,
      action: api?.meta.action,
      // Undefined fields are left out of the JSON.
      flavor: this.#flavor,
      requestId: this.#requestId,
      caller: this.#caller,
      style: this.#style,
      scenarios: this.#scenarios ?? [],
      rule: this.#rule,
      // A notice may quote what the caller sent (a refused value): ID numbers in it are masked like any text.
      notices: this.#notices?.map(maskText) ?? [],
      outcome: this.#outcome,
      status: this.#status,
      durationMs: Math.round(this.#ms * 10) / 10,
      stages: STAGES.filter((_, i) => this.#stages & (1 << i)),
      get request() { return mask().request; },
      get response() { return mask().response; },
      diagnosis: this.#diagnosis,
      replica: this.replica,
    } as JournalEntry;
    this.#shown = entry;
    return entry;
  }

  #mask(): Masked {
    return (this.#maskedParts ??= this.#masked());
  }

  #masked(): Masked {
    const p = unpacked(this.#pending!);
    this.#pending = undefined;
    const api = this.#api;
    const secret = this.#facts.secretHeaders ?? [];
    const params = typeof p.params === 'string' ? JSON.parse(p.params) as Record<string, unknown> : p.params;
    const bodySchema = api && this.#outcome === 'ok' ? wrap(this.#facts.answerWrapper, api.response) : undefined;
    return {
      request: {
        method: p.method,
        path: p.url.split('?')[0]!,
        headers: maskHeaders(JSON.parse(p.requestHeaders) as Record<string, string | string[] | undefined>, secret),
        ...(params ? { params: maskPersonal(params, api?.request) as Record<string, unknown> } : {}),
      },
      response: {
        headers: maskHeaders(JSON.parse(p.responseHeaders) as Record<string, string | string[] | undefined>, secret),
        ...(p.body !== undefined ? { body: maskPersonal(JSON.parse(p.body), bodySchema) } : {}),
      },
    };
  }
}

/** The request's journal record: see RecordedRequest. */
export function journalEntry(a: Answered): RecordedRequest {
  return new RecordedRequest(a);
}

/**
 * The parameters as JSON text; as parsed when they nest deeper than JSON.stringify can recurse (JSON.parse is not
 * limited so, and the fuzz suites send such requests). Kept as parsed on every request, they cost an answer about
 * 9 µs more of CPU (`npm run bench:compare`: 133.6 against 125.0 µs, two runs on the same machine).
 */
function paramsKept(params: Record<string, unknown>): string | Record<string, unknown> {
  try {
    return JSON.stringify(params);
  } catch {
    return params;
  }
}

/**
 * The record's texts as one line each in UTF-8 bytes outside V8's heap (see textBytes): what a kept record
 * holds then costs the collector nothing to copy or promote, and leaves no garbage in the old generation
 * when the ring drops it. The JSON texts hold no raw line break (JSON escapes them), and Node's parser
 * refuses one in the request line; a URL that holds one all the same (rewritten by an app that mounts the
 * emulator) and parameters kept as parsed (see paramsKept) leave the record as it is.
 */
function packed(p: Pending): Buffer | Pending {
  if (typeof p.params === 'object' || p.url.includes('\n') || p.method.includes('\n')) return p;
  return textBytes(`${p.method}\n${p.url}\n${p.requestHeaders}\n${p.params ?? ''}\n${p.responseHeaders}\n${p.body ?? ''}`);
}

function unpacked(p: Buffer | Pending): Pending {
  if (!Buffer.isBuffer(p)) return p;
  const [method, url, requestHeaders, params, responseHeaders, body] = p.toString().split('\n') as [string, string, string, string, string, string];
  return { method, url, requestHeaders, params: params || undefined, responseHeaders, body: body || undefined };
}

function stageBits(stages: readonly Stage[]): number {
  let bits = 0;
  for (const s of stages) bits |= 1 << STAGES.indexOf(s);
  return bits;
}

/** What masking needs, as text until then (see RecordedRequest). */
interface Pending {
  method: string;
  url: string;
  requestHeaders: string;
  params?: string | Record<string, unknown>;
  responseHeaders: string;
  /** The answer as sent. */
  body?: string;
}
interface Masked { request: NonNullable<JournalEntry['request']>; response: NonNullable<JournalEntry['response']> }

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
