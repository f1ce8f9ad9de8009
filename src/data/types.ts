/** The shapes of the data files under schemas/ and scenarios/ (their JSON Schemas are in schemas/_meta/). */
import type { JsonSchema } from './jsonSchema.ts';

export type Language = 'en-US' | 'zh-CN';
export type Flavor = 'domestic' | 'intl';

export interface CatalogEntry {
  en: string;
  zh: string;
  /** HTTP status; providers default it (Tencent: always 200). */
  status?: number;
  /** Placeholder values used when a scenario asks for the error without a real trigger. */
  vars?: Record<string, string>;
  /** Messages of the real triggers of this code, by name (MockError.variant picks one). */
  variants?: Record<string, { en: string; zh: string; status?: number }>;
}
export type Catalog = Record<string, CatalogEntry>;

export interface WarningEntry {
  /** The request Config flag that enables the code; without one the code is reported whenever present. */
  flag?: string;
  requires?: Record<string, string>;
  /** The shared name of the condition across vendors (copy, reshoot, blur, …): `warning:<name>`. */
  name?: string;
  /** The flavours that report this code; all when absent. */
  flavors?: Flavor[];
  en: string;
  zh: string;
}

export type ImageProblem =
  | 'missing' | 'empty' | 'undecodable' | 'unsupported' | 'tooLarge' | 'tooSmall' | 'download' | 'wrongCard' | 'wrongSide';

/** The cards a fixture image can show (its `card` marker), and an API read. */
export type CardName = 'mainland' | 'macao' | 'temporary' | 'residence-permit' | 'foreign-permanent' | 'passport' | 'bankcard';

export interface ImageRules {
  /** What the parameters carry (default an image); a video has no card, side or minimum side. */
  media?: 'image' | 'video';
  card?: CardName;
  /** Other cards the API reads besides `card`. */
  alsoReads?: CardName[];
  base64: string;
  url: string;
  precedence: 'url' | 'base64';
  formats: string[];
  maxBase64Bytes: Partial<Record<Flavor, number>> & { domestic: number };
  minSide?: number;
  maxSide?: number;
  errors: Partial<Record<ImageProblem, string>>;
  /** Absent is not a problem (RecognizeMacaoIDCardOCR's back image). */
  optional?: boolean;
  /** The image is not read when all these parameters are present: they take priority (IdCardOCRVerification Name+IdCard). */
  skipWhen?: string[];
  /** The card side the API reads; a fixture marked as another side gives errors.wrongSide. */
  side?: string;
}

/** A catalog code, optionally with the name of one of its message variants. */
export type CodeRef = string | { code: string; variant?: string };
/** role (what a mechanism found) → the vendor's code for it. */
export type Roles = Record<string, CodeRef>;

/** A fixed window per caller: `action` counts each API apart, `provider` all of a provider's APIs together. */
export interface RateLimit { points: number; seconds: number; scope?: 'action' | 'provider' }

export interface Size { width: number; height: number }

/** schemas/<provider>/provider.json: the wire facts of one front door. */
export interface ProviderFacts {
  provider: string;
  /** How its requests are recognised (src/providers/matchProvider.ts): path, headers and Host, as regular expressions. */
  match: { path: string; headers?: Record<string, string>; host?: string };
  /** The request id's form: lower-case UUID, 32 hex digits, upper-case UUID. */
  requestId: 'uuid' | 'hex32' | 'UUID';
  /** The well-known test credentials: the id and secret field names of the credentials file, and their values. */
  testCredentials: { fields: [string, string]; values: Record<string, string> };
  /** Headers that carry a token or secret, shown by length in the journal. */
  secretHeaders?: string[];
  /** The key every answer is wrapped in (`Response`), if any. */
  answerWrapper?: string;
  /** The shape of a token the vendor issues (Huawei IAM `MII…`). */
  tokenPattern?: string;
  roles: Roles;
  /** request style → the largest body (a GET: the URL) in bytes */
  bodyLimits: Record<string, number>;
  limits: {
    /** How far a request's signed time may be from the emulator's clock. */
    clockSkewSeconds: number;
    tokenLifetimeSeconds?: number;
    lockout?: { failures: number; seconds: number };
    downloadTimeoutMs?: number;
    rateLimit?: RateLimit | false;
  };
  /** code prefix → error body shape; `default` for the rest */
  envelopes?: Record<string, string>;
  /** flavour → the Host and request-client patterns that reveal it */
  flavors?: Record<string, { host?: string; client?: string }>;
  /** Parameters that travel beside an action's own (Tencent v1) */
  commonParameters?: string[];
  /** The regions the vendor documents (a request naming another gets a notice), and what an SDK sends for none. */
  regions?: { names: string[]; unset?: string[] };
}

export interface ActionMeta {
  provider: string;
  service: string;
  action: string;
  version: string;
  /** The logic that produces the answer's fields (src/actions/index.ts); none: the skeleton and the scenario's fields. */
  handler?: string;
  rateLimit?: RateLimit | false;
  /** Roles this API answers with its own codes (over the provider's). */
  roles?: Roles;
  /** REST front doors: the method and path template that reach this API. */
  http?: { method: string; path: string };
  /** How a caller may authenticate; [] = not at all. Default: every way the provider knows. */
  auth?: ('signature' | 'token')[];
  /** HTTP status of a success (default 200). */
  status?: number;
  crops?: { portrait?: Size; card?: Size; cardNumber?: Size };
  /** Where a scenario's `response` may pin an ID number (dot paths): the person is then the one it describes. */
  pinnedId?: string[];
  image?: ImageRules;
  /** Further images, by name (RecognizeMacaoIDCardOCR's `back`); handlers get them as `images[name]`. */
  extraImages?: Record<string, ImageRules>;
  /** A hosted verification flow this API starts: token and result lifetimes, and the API whose results.json has its outcomes. */
  flow?: { tokenSeconds: number; keepSeconds: number; outcomesOf: string; redirectParameter: string };
}

/** What one answer is (a scenario, or one step of it): an error, warnings, pinned fields, a result, latency, a fault. */
export interface Outcome {
  description?: string;
  error?: string;
  /** Conditions present: the API's warning codes or the shared names (copy, reshoot, …); reported only when the request's flag asks. */
  warnings?: string[];
  /** Fields pinned over the generated response (JSON-string fields such as AdvancedInfo as objects). */
  response?: Record<string, unknown>;
  /** A verification result code of the API's results.json (IdCardOCRVerification `-4`). */
  result?: string;
  latencyMs?: number | { min: number; max: number };
  fault?: 'hang' | 'reset' | 'truncated' | 'http-502' | 'http-504';
  /** In a step: other scenarios by name, comma-separated. */
  scenario?: string;
  /** Error codes answered while this is chosen get these prefixes replaced (`APIG.` → `APIGW.`). */
  codePrefixes?: Record<string, string>;
}

export interface Scenario extends Outcome {
  name: string;
  description: string;
  /** Where it came from: a file path, `catalog` for the generated error/warning scenarios, `vocabulary` for a shared warning name. */
  source: string;
  /** Chosen without being named when these hold. */
  when?: { params?: Record<string, unknown>; headers?: Record<string, string>; caller?: string | string[] };
  /** Fires this many times per caller, then falls through. */
  times?: number;
  /** Played in order per caller; the last repeats unless repeatLast is false. */
  steps?: Outcome[];
  repeatLast?: boolean;
  /** A person the scenario declares: on record in the identity register from boot. */
  person?: { name: string; idNum: string };
}

/** A verification API's business result (a success response with Result and Description). */
export interface ResultEntry {
  en: string;
  zh: string;
  charged: boolean;
  /** Fields this result sets in the answer (MobileStatus `StatusCode: 99`). */
  response?: Record<string, unknown>;
  /** In a hosted verification flow: the step this outcome ends in. */
  stage?: FlowStage;
}

/** The steps a hosted verification ends in: all passed, liveness failed, the face did not match, the user cancelled, the token expired. */
export type FlowStage = 'pass' | 'liveness' | 'compare' | 'cancel' | 'expire';

/** results.json: the result codes, and the daily limits per parameter value after which `limits.result` is answered. */
export interface Results {
  /** The response field that carries the result code. */
  field?: string;
  results: Record<string, ResultEntry>;
  limits?: { result: string; perDay: Record<string, number> };
  /** What the ID database accepts as a name; anything else is `result`. */
  names?: { pattern: string; minLength: number; maxLength: number; result: string };
  /** An ID number that is not a valid GB 11643 number is `result`. */
  idNumbers?: { result: string };
  /** The identity register's answers; `mismatch` only where an ID number is verified. */
  register?: { match: string; mismatch?: string; notOnRecord: string; notOnRecordStrict: string };
  /** The request parameters carrying each element (default: name `Name`, idCard `IdCard`). */
  params?: { name?: string; idCard?: string; phone?: string; bankCard?: string };
  /** A phone number that is not a Chinese mobile number is `result`; one no listed carrier serves, `unsupported`. */
  phones?: { result: string; unsupported?: string; field?: string; carriers?: Record<string, { en: string; zh: string }> };
  /** A warning the answer reports stops the check: `result`. */
  warnings?: { result: string };
  /** A bank card number without a valid Luhn check digit is `result`. */
  bankCards?: { result: string };
  /** A document type other than `accepted` is `result`. */
  certTypes?: { param: string; accepted: number[]; result: string };
}

/** One API: everything the emulator knows about it, loaded from schemas/ and scenarios/. */
export interface ApiDefinition {
  meta: ActionMeta;
  request: JsonSchema;
  response: JsonSchema;
  errors: Catalog;
  warnings: Record<string, WarningEntry>;
  /** The request parameter holding the warning flags as JSON text (Tencent `Config`); absent: the flags are parameters. */
  warningFlagsIn?: string;
  /** Business result codes (results.json), for verification APIs; empty otherwise. */
  results: Results;
  scenarios: Map<string, Scenario>;
}

export interface DataSet {
  /** provider → its front door's facts (schemas/<provider>/provider.json) */
  providers: Record<string, ProviderFacts>;
  /** provider → common catalog (Tencent common errors, Huawei gateway errors, ...) */
  commonErrors: Record<string, Catalog>;
  /** The emulator's own errors (unknown scenario, ...), rendered in whichever vendor envelope applies. */
  mockErrors: Catalog;
  /** The emulator's own roles (schemas/mock/errors.json `roles`). */
  mockRoles: Roles;
  /** Keyed by apiKey: `provider:action`. */
  apis: Map<string, ApiDefinition>;
}
