import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMockError, raise, type MockError } from './errors.ts';
import { captureBody, closeAfterDrain } from './pipeline/captureBody.ts';
import { coerceFlatParams } from './pipeline/coerceFlatParams.ts';
import { readImages } from './pipeline/readImages.ts';
import { urlMarkers } from './pipeline/urlMarkers.ts';
import { chooseScenarios, type ChosenScenario } from './pipeline/chooseScenarios.ts';
import { produce } from './pipeline/produce.ts';
import { playFault, waitLatency } from './pipeline/faults.ts';
import { codeForRole } from './data/roles.ts';
import { formatMessage, lookupError } from './data/catalog.ts';
import { rateLimitOverride } from './config.ts';
import { journalEntry, type Observed } from './journal/journalEntry.ts';
import type { Runtime } from './runtime.ts';
import type { ApiDefinition, ProviderFacts } from './data/types.ts';
import type { Stage } from './state/journal.ts';
import type { Call, Provider, RawRequest, RenderedError } from './providers/Provider.ts';

type Next = () => void;

/** The mock-only response header that says what the emulator did other than what was asked (never silent). */
const NOTICE_HEADER = 'X-Mock-Notice';
/** With --debug-signatures: why a signature failed, Base64 of JSON {cause, canonicalRequest, stringToSign}. */
const SIGNATURE_DEBUG_HEADER = 'X-Mock-Signature-Debug';

/**
 * The request lifecycle: every request of every vendor goes down this one list, in this order.
 *
 *   capture → decode → findApi → authenticate → rateLimit → validate → chooseScenario → produce → render → record
 *
 * The provider (src/providers/<name>/index.ts) supplies what differs: how a request is decoded, which
 * API it names, how a caller proves who it is, and the vendor's envelope. Everything a stage finds
 * wrong is thrown as a MockError and rendered in one place, below; the journal records every request,
 * with the stages it went through.
 *
 * The returned handler takes the requests of the providers' paths (provider.json `owns`) and passes
 * the rest on: the HTTP server calls it before Express (src/server.ts), so API traffic meets none of
 * Express's per-request work; createApp mounts it first too, for an app used without that server.
 */
export function frontDoors(rt: Runtime, providers: readonly Provider[]) {
  const doors = providers.map((provider) => ({ provider, owns: new RegExp(rt.data.providers[provider.name]!.owns) }));
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next): void => {
    const url = req.originalUrl ?? req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const door = doors.find((d) => d.owns.test(path));
    if (!door) return next();
    handle(rt, door.provider, req, res, url).catch((e: unknown) => {
      // Every stage's failure is rendered inside handle; this is the last guard against a crash.
      console.error('idcard-mock: internal error', e);
      if (!res.headersSent) res.destroy();
    });
  };
}

async function handle(rt: Runtime, provider: Provider, req: IncomingMessage, res: ServerResponse, url: string): Promise<void> {
  const { config, data, state, clock } = rt;
  const facts = data.providers[provider.name]!;
  const raw: RawRequest = { method: req.method ?? 'GET', url, headers: req.headers };
  const startedReal = performance.now();
  const call: Call = {
    provider: provider.name,
    // 32 hex digits for the other form: a UUID's digits (randomUUID draws from a cached pool; randomBytes asks the OS each time).
    requestId: facts.requestId === 'uuid' ? randomUUID() : randomUUID().replaceAll('-', ''),
    started: clock.now(),
    stages: [],
    headers: req.headers,
    scenarioNames: listHeader(req.headers['x-mock-scenario']),
    codePrefixes: {},
    flavor: config.flavor,
    language: 'en-US',
    notices: [],
  };
  const enter = (stage: Stage): void => { call.stages.push(stage); };
  let outcome = 'ok';
  let scenario: ChosenScenario | undefined;
  const notices = call.notices;
  const seen: Observed = {};
  try {
    provider.begin(raw, call, config, facts);

    enter('capture'); //        the raw bytes, bounded by the style's limit: signatures are over them
    call.style = provider.styleOf(raw);
    const body = await capture(req, raw, call.style, facts);
    seen.bodyBytes = body.length;

    enter('decode'); //         the request style, what names the API, the parameters
    const decoded = await provider.decode(raw, body, call, config, facts);

    enter('findApi');
    const api = (call.api = provider.findApi(decoded, data));
    call.codePrefixes = codePrefixesOf(api, call.scenarioNames);

    enter('authenticate'); //   signature or token, clock skew, lockout
    const caller = provider.authenticate(decoded, api, { config, state, facts, now: clock.now() });
    call.caller = caller.id;

    enter('rateLimit'); //      per caller, on the emulator's clock
    rateLimit(rt, facts, api, caller.id);

    enter('validate'); //       the parameters against the request schema, then the images
    const given = decoded.params(api);
    const params = decoded.flat ? coerceFlatParams(given as Record<string, string>, api.request) : given;
    seen.params = params;
    rt.validators.get(`${api.meta.provider}:${api.meta.action}`)!(params);
    const images = await readImages(api, params, call.flavor, config.fetchImageUrls, facts);
    seen.images = images;

    enter('chooseScenario'); // header → in-band marker → binding → active → when → default
    scenario = chooseScenarios({
      api, apis: data.apis.values(), flavor: call.flavor, header: call.scenarioNames,
      markers: [...urlMarkers(api, params), ...(images.image.markers.scenario ?? [])],
      binding: state.bindings.of(caller.id), active: state.bindings.active,
      params, headers: req.headers, caller: caller.id, used: (k) => state.counters.used(k),
    });
    state.counters.consume(scenario.consume);
    call.scenarioNames = scenario.names;
    Object.assign(call.codePrefixes, scenario.codePrefixes);
    const latency = waitLatency(scenario.latencyMs);
    if (latency) await latency;

    enter('produce'); //        the scenario's error, an input problem, or the answer
    const reply = produce(rt, { api, params, call, images, scenario, decoded, facts, envelope: provider.bodyEnvelope(call) });
    for (const w of reply.warnings) state.coverage.record(apiKey(api), `warning:${w}`);
    if (reply.result !== undefined) state.coverage.record(apiKey(api), `result:${reply.result}`);

    enter('render');
    notices.push(...scenario.notices);
    if (notices.length) reply.headers[NOTICE_HEADER] = noticeHeader(notices);
    const render = (): void => { seen.body = provider.render(res, call, reply.status, reply.body, reply.headers); };
    if (scenario.fault) outcome = playFault(scenario.fault, res, render);
    else render();
  } catch (e) {
    const error = renderedError(rt, provider.name, facts, call, e);
    outcome = error.code;
    if (call.api) state.coverage.record(apiKey(call.api), `error:${error.catalogCode}`);
    if (call.stages.at(-1) !== 'render') enter('render');
    if (isMockError(e) && e.notice) notices.push(e.notice);
    notices.push(...(scenario?.notices ?? []));
    if (notices.length && !res.headersSent) res.setHeader(NOTICE_HEADER, noticeHeader(notices));
    if (isMockError(e) && e.diagnosis) {
      seen.diagnosis = e.diagnosis;
      if (config.debugSignatures && !res.headersSent) res.setHeader(SIGNATURE_DEBUG_HEADER, Buffer.from(JSON.stringify(e.diagnosis)).toString('base64'));
    }
    // The client may still be sending an oversized body; after this reply the connection cannot be reused.
    if (isMockError(e) && e.role === 'bodyTooLarge') closeAfterDrain(res);
    const render = (): void => { seen.body = provider.renderError(res, call, error); };
    if (scenario?.fault && !res.headersSent) outcome = playFault(scenario.fault, res, render);
    else if (!res.headersSent) render();
  }
  enter('record');
  try {
    const entry = journalEntry({ call, provider: provider.name, scenario, notices, outcome, res, seen, ms: performance.now() - startedReal, method: raw.method, url });
    state.journal.record(entry);
    config.requestLog?.(entry);
  } catch (e) {
    // The answer is out; a journal that cannot describe the request must not take the process down.
    console.error('idcard-mock: could not record a request in the journal', e);
  }
}

const apiKey = (api: ApiDefinition): string => `${api.meta.provider}:${api.meta.action}`;

/**
 * Several notices in one header line; a header value must be Latin-1, so anything else is escaped
 * (a lone surrogate, which a caller's mistyped name may hold, as U+FFFD: encodeURIComponent throws on it).
 */
function noticeHeader(notices: string[]): string {
  return notices.join('; ').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** The body, bounded by the limit of its style (a GET: its URL); too large is refused before it is all held. */
async function capture(req: IncomingMessage, raw: RawRequest, style: string, facts: ProviderFacts): Promise<Buffer> {
  const limit = facts.bodyLimits[style] ?? Math.max(...Object.values(facts.bodyLimits));
  if (raw.method === 'GET' && raw.url.length > limit) throw raise('bodyTooLarge', { size: raw.url.length, limit, style });
  return captureBody(req, limit, (size) => raise('bodyTooLarge', { size, limit, style }));
}

/** A fixed window per caller: per API (`scope: action`) or across the provider (`provider`). */
function rateLimit(rt: Runtime, facts: ProviderFacts, api: ApiDefinition, caller: string): void {
  if (!rt.config.rateLimit) return;
  const rule = api.meta.rateLimit ?? facts.limits.rateLimit;
  if (!rule) return;
  const points = rateLimitOverride(rt.config, facts.provider) ?? rule.points;
  const scope = rule.scope ?? (api.meta.rateLimit ? 'action' : 'provider');
  const key = scope === 'action' ? `${facts.provider}:${api.meta.action}:${caller}` : `${facts.provider}:${caller}`;
  const count = rt.state.rateWindows.exceeded(key, { ...rule, points }, rt.clock.now());
  if (count !== undefined) throw raise('rateLimited', { count, limit: points });
}

/** The error-code prefix replacements of the scenarios named in the header, known before anything can fail (`APIG.` → `APIGW.`). */
function codePrefixesOf(api: ApiDefinition, names: string[]): Record<string, string> {
  if (names.length === 0) return {};
  return Object.assign({}, ...names.map((n) => api.scenarios.get(n)?.codePrefixes ?? {}));
}

/**
 * The one place a thrown value becomes the vendor's error: a role becomes the code the provider's
 * data names, the message comes from the catalog in the call's language, the status from the catalog
 * (a variant may carry its own), and the envelope from the code's family. A bug becomes the
 * provider's internal error, never a crash.
 */
function renderedError(rt: Runtime, provider: string, facts: ProviderFacts, call: Call, e: unknown): RenderedError & { catalogCode: string } {
  if (!isMockError(e)) console.error('idcard-mock: internal error', e);
  const err: MockError = isMockError(e) ? e : raise('internal');
  let code = err.code;
  let variant = err.variant;
  if (err.role) {
    const mapped = codeForRole(rt.data, provider, call.api, err.role) ?? codeForRole(rt.data, provider, call.api, 'internal')!;
    ({ code, variant } = mapped);
  }
  const entry = lookupError(rt.data, provider, call.api?.meta.action, code!)
    ?? lookupError(rt.data, provider, undefined, codeForRole(rt.data, provider, undefined, 'internal')!.code)!;
  const message = formatMessage(entry, call.language, err.vars, variant);
  const status = (variant && entry.variants?.[variant]?.status) || entry.status || 400;
  const envelopes = facts.envelopes ?? { default: 'default' };
  const family = Object.keys(envelopes).find((p) => p !== 'default' && code!.startsWith(p));
  const from = Object.keys(call.codePrefixes).find((p) => code!.startsWith(p));
  return {
    code: from ? call.codePrefixes[from] + code!.slice(from.length) : code!,
    catalogCode: code!,
    message,
    status,
    envelope: envelopes[family ?? 'default']!,
  };
}

function listHeader(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return ((Array.isArray(v) ? v[0] : v) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
