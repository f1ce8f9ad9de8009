import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { ApiDefinition, DataSet, Flavor, Language, ProviderFacts } from '../data/types.ts';
import type { Config } from '../config.ts';
import type { State } from '../state/State.ts';
import type { Stage } from '../state/journal.ts';

/** The request as it arrived: method, URL (path and query as sent), headers, and later the raw body. */
export interface RawRequest { method: string; url: string; headers: IncomingHttpHeaders }

/** What one request has become so far; the lifecycle fills it in as the stages pass. */
export interface Call {
  provider: string;
  /** Made once, by the lifecycle, in the provider's form; the provider's renderer places it. */
  requestId: string;
  started: number;
  stages: Stage[];
  headers: IncomingHttpHeaders;
  /** Scenario names from `X-Mock-Scenario`, in order. */
  scenarioNames: string[];
  /** Error-code prefix replacements of the named scenarios (Huawei's `APIGW.` spelling). */
  codePrefixes: Record<string, string>;
  flavor: Flavor;
  /** The language of error messages. */
  language: Language;
  /** The language the client named, if it named one (text in success bodies follows it). */
  requestedLanguage?: Language;
  style?: string;
  api?: ApiDefinition;
  caller?: string;
  /** What the emulator did other than asked, or why it refused, in its own words: journal, log and X-Mock-Notice. */
  notices: string[];
}

/** What decode makes of the raw bytes: the request style, what names the API, and how to read the parameters. */
export interface Decoded {
  style: string;
  /** Tencent: Action and Version; REST: method and path. */
  target: { action?: string; version?: string; method?: string; path?: string };
  /** Path template values (REST), e.g. `project_id`. */
  pathParams: Record<string, string>;
  /**
   * The API's parameters. A function, because where parsing can fail the code depends on the API
   * (Huawei OCR answers bad JSON with ModelArts.4105, IAM with IAM.400): it runs in the validate stage.
   */
  params(api: ApiDefinition): Record<string, unknown>;
  /** Parameters arrived as text with flattened keys (v1 forms, GET, multipart): the schema restores their types. */
  flat: boolean;
  /** What the signature is computed over. */
  method: string;
  url: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Who called: the id that keys rate windows, bindings and the journal, and what the credential allows. */
export interface Caller {
  id: string;
  /** A Huawei IAM token's project, when the call used one. */
  tokenProject?: { id: string } | null;
}

/** What authentication may read and count. */
export interface AuthContext { config: Config; state: State; facts: ProviderFacts; now: number }

/**
 * One vendor's front door. The lifecycle (src/lifecycle.ts) calls these in its one order; each
 * provider folder has the same files: index.ts (this object), decode.ts, findApi.ts,
 * authenticate.ts, render.ts.
 */
export interface Provider {
  name: string;
  /** The request style, from the method and headers alone: it picks the body limit before a byte is read. */
  styleOf(req: RawRequest): string;
  /** Reads the client's language and flavour from the headers into the call, before anything can fail. */
  begin(req: RawRequest, call: Call, config: Config, facts: ProviderFacts): void;
  decode(req: RawRequest, body: Buffer, call: Call, config: Config, facts: ProviderFacts): Promise<Decoded>;
  findApi(d: Decoded, data: DataSet): ApiDefinition;
  authenticate(d: Decoded, api: ApiDefinition, ctx: AuthContext): Caller;
  /** Fields of the envelope that belong in the body (Tencent's RequestId); the response schema includes them. */
  bodyEnvelope(call: Call): Record<string, unknown>;
  /** Writes the reply; returns the JSON written (for the journal). */
  render(res: ServerResponse, call: Call, status: number, body: unknown, headers: Record<string, string>): unknown;
  /** Writes an error in the vendor's shape; `status` is the catalog's (Tencent answers 200 whatever it says). */
  renderError(res: ServerResponse, call: Call, error: RenderedError): unknown;
}

/** An error as the vendor states it: the code (prefixes applied), its catalog message and status. */
export interface RenderedError { code: string; message: string; status: number; envelope: string }
