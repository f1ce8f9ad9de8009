import type { IncomingHttpHeaders } from 'node:http';
import type { ApiDefinition, DataSet, Flavor, Language, ProviderFacts } from '../data/types.ts';
import type { Config } from '../config.ts';
import type { State } from '../state/State.ts';
import type { Stage } from '../state/journal.ts';
import type { ActionHandler } from '../actions/types.ts';

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

/**
 * What decode makes of the raw bytes: the request style, what names the API (`target`, in the
 * provider's own terms: an action and version, a method and path), and how to read the parameters.
 */
export interface Decoded<Target = unknown> {
  style: string;
  target: Target;
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
}

/** What authentication may read and count. */
export interface AuthContext {
  config: Config;
  state: State;
  facts: ProviderFacts;
  now: number;
  /** The secret of a credential id: the user's (--credentials) or the provider's well-known pair; undefined when unknown. */
  secretOf(id: string): string | undefined;
}

/** A reply as the vendor sends it: status, headers and the JSON body; written by src/providers/writeReply.ts. */
export interface ProviderReply { status: number; headers: Record<string, string>; body: unknown }

/**
 * One vendor's front door: everything the lifecycle (src/lifecycle.ts) needs that differs by vendor.
 * A vendor is a folder, src/providers/<name>/ (index.ts is this object; decode.ts, findApi.ts,
 * authenticate.ts, render.ts and actions/), plus its data, schemas/<name>/ (provider.json says how
 * its requests are recognised, its request-id form, roles, limits, test credentials and secret
 * headers). Registering it is one line of src/providers/index.ts. `D` is what its decode makes.
 */
export interface Provider<D extends Decoded = Decoded> {
  name: string;
  /** The request style, from the method and headers alone: it picks the body limit before a byte is read. */
  styleOf(req: RawRequest): string;
  /** Reads the client's language and flavour from the headers into the call, before anything can fail. */
  begin(req: RawRequest, call: Call, config: Config, facts: ProviderFacts): void;
  decode(req: RawRequest, body: Buffer, call: Call, config: Config, facts: ProviderFacts): Promise<D>;
  findApi(d: D, data: DataSet): ApiDefinition;
  authenticate(d: D, api: ApiDefinition, ctx: AuthContext): Caller | Promise<Caller>;
  /** Fields of the envelope that belong in the body (Tencent's RequestId); the response schema includes them. */
  bodyEnvelope(call: Call): Record<string, unknown>;
  /** A success in the vendor's envelope. */
  reply(call: Call, status: number, body: unknown, headers: Record<string, string>): ProviderReply;
  /**
   * An error in the vendor's envelope: the one renderer of the vendor's errors, for every stage's
   * refusal and for what the HTTP parser refuses before a request exists (src/protocolErrors.ts).
   * `error.status` is the catalog's; the vendor may answer with another (Tencent: always 200).
   */
  errorReply(call: Call, error: RenderedError): ProviderReply;
  /** The action logic, by the `handler` name an action.json of this provider gives. */
  actions: Readonly<Record<string, ActionHandler>>;
}

/** An error as the vendor states it: the code (prefixes applied), its catalog message and status. */
export interface RenderedError { code: string; message: string; status: number; envelope: string }
