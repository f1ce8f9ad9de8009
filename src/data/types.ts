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
  en: string;
  zh: string;
}

export type ImageProblem =
  | 'missing' | 'empty' | 'undecodable' | 'unsupported' | 'tooLarge' | 'tooSmall' | 'download' | 'wrongCard' | 'wrongSide';

export interface ImageRules {
  card: 'mainland' | 'macao';
  base64: string;
  url: string;
  precedence: 'url' | 'base64';
  formats: string[];
  maxBase64Bytes: Partial<Record<Flavor, number>> & { domestic: number };
  minSide: number;
  maxSide?: number;
  errors: Partial<Record<ImageProblem, string>>;
  /** Absent is not a problem (RecognizeMacaoIDCardOCR's back image). */
  optional?: boolean;
  /** The image is not read when all these parameters are present: they take priority (IdCardOCRVerification Name+IdCard). */
  skipWhen?: string[];
  /** The card side the API reads; a fixture marked as another side gives errors.wrongSide. */
  side?: string;
}

export interface ActionMeta {
  provider: string;
  service: string;
  action: string;
  version: string;
  handler: string;
  rateLimitPerSecond?: number;
  image?: ImageRules;
  /** Further images, by name (RecognizeMacaoIDCardOCR's `back`); handlers get them as `images[name]`. */
  extraImages?: Record<string, ImageRules>;
}

export interface Scenario {
  name: string;
  description: string;
  /** Where it came from: a file path, or `catalog` for the generated error/warning scenarios. */
  source: string;
  error?: string;
  /** Warning codes whose condition is present (reported only when the request's flag asks). */
  warnings?: string[];
  /** Fields merged over the generated response (JSON-string fields such as AdvancedInfo as objects). */
  response?: Record<string, unknown>;
  /** Chosen without being named when every listed parameter has the given value. */
  when?: { params?: Record<string, unknown> };
  delayMs?: number;
  /** Error codes answered while this scenario is named get these prefixes replaced (`APIG.` → `APIGW.`). */
  codePrefixes?: Record<string, string>;
  /** A verification result code of the API's results.json (IdCardOCRVerification `-4`). */
  result?: string;
  /** A person the scenario declares: on record in the identity register from boot. */
  person?: { name: string; idNum: string };
}

/** A verification API's business result (a success response with Result and Description). */
export interface ResultEntry { en: string; zh: string; charged: boolean }

/** results.json: the result codes, and the daily limits per parameter value after which `limits.result` is answered. */
export interface Results {
  results: Record<string, ResultEntry>;
  limits?: { result: string; perDay: Record<string, number> };
}

/** One API: everything the emulator knows about it, loaded from schemas/ and scenarios/. */
export interface ApiDefinition {
  meta: ActionMeta;
  request: JsonSchema;
  response: JsonSchema;
  errors: Catalog;
  warnings: Record<string, WarningEntry>;
  /** Business result codes (results.json), for verification APIs; empty otherwise. */
  results: Results;
  scenarios: Map<string, Scenario>;
}

/** Which code a failed parameter check gives, by kind of failure (schemas/<provider>/errors.json `validation`). */
export interface ValidationCodes { unknown: string; type: string; value: string; required: string }

export interface DataSet {
  /** provider → common catalog (Tencent common errors, Huawei gateway errors, ...) */
  commonErrors: Record<string, Catalog>;
  validationCodes: Record<string, ValidationCodes>;
  /** The emulator's own errors (unknown scenario, ...), rendered in whichever vendor envelope applies. */
  mockErrors: Catalog;
  /** key `${provider}:${action}` */
  apis: Map<string, ApiDefinition>;
}
