import type { IncomingMessage, ServerResponse } from 'node:http';
import { isMockError, roleError } from './errors.ts';
import { captureBody, closeAfterDrain, endAfterDrain } from './pipeline/captureBody.ts';
import { firstHeaderValue } from './pipeline/firstHeaderValue.ts';
import { apiKey } from './data/apiKey.ts';
import { coerceFlatParams } from './pipeline/coerceFlatParams.ts';
import { readImages } from './pipeline/readImages.ts';
import { urlMarkers } from './pipeline/urlMarkers.ts';
import type { ChosenScenario } from './pipeline/chooseScenarios.ts';
import { produce } from './pipeline/produce.ts';
import { playFault, waitLatency } from './pipeline/faults.ts';
import { renderedError } from './pipeline/renderedError.ts';
import { takeScenario } from './pipeline/takeScenario.ts';
import { isStateUnavailable } from './state/redis/StateUnavailable.ts';
import { doorsOf, matchProvider } from './providers/matchProvider.ts';
import { newRequestId } from './providers/newRequestId.ts';
import { writeReply } from './providers/writeReply.ts';
import { journalEntry, type Observed } from './journalEntries/journalEntry.ts';
import type { Runtime } from './runtime.ts';
import type { ApiDefinition, ProviderFacts } from './data/types.ts';
import type { Stage } from './state/journal.ts';
import type { Call, Provider, RawRequest } from './providers/Provider.ts';

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
 * The returned handler takes the requests its providers recognise (provider.json `match`) and passes
 * the rest on: the HTTP server calls it before Express (src/server.ts), so API traffic meets none of
 * Express's per-request work; createApp mounts it first too, for an app used without that server.
 */
export function frontDoors(rt: Runtime, providers: readonly Provider[]) {
  const doors = doorsOf(providers, rt.data);
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: Next): void => {
    const url = req.originalUrl ?? req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const door = matchProvider(doors, path, req.headers);
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
    requestId: newRequestId(facts.requestId),
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
    // With shared state the clock's setting is read for each request (another replica may have moved it),
    // while the body arrives; nothing before decoding reads the time. Caught here so that a capture that
    // fails first leaves no unhandled rejection; awaited below, where a lost store still fails the request.
    const refreshing = clock.refresh();
    refreshing?.catch(() => undefined);
    provider.begin(raw, call, config, facts);

    enter('capture'); //        the raw bytes, bounded by the style's limit: signatures are over them
    call.style = provider.styleOf(raw);
    const body = await capture(req, raw, call.style, facts);
    seen.bodyBytes = body.length;
    if (refreshing) {
      await refreshing;
      call.started = clock.now();
    }

    enter('decode'); //         the request style, what names the API, the parameters
    const decoded = await provider.decode(raw, body, call, config, facts);

    enter('findApi');
    const api = (call.api = provider.findApi(decoded, data));
    call.codePrefixes = codePrefixesOf(api, call.scenarioNames);

    enter('authenticate'); //   signature or token, clock skew, lockout
    const caller = await provider.authenticate(decoded, api, { config, state, facts, now: clock.now(), secretOf: secretsOf(config.credentials[provider.name], facts) });
    call.caller = caller.id;

    enter('rateLimit'); //      per caller, on the emulator's clock
    await rateLimit(rt, facts, api, caller.id);

    enter('validate'); //       the parameters against the request schema, then the images
    const given = decoded.params(api);
    const params = decoded.flat ? coerceFlatParams(given as Record<string, string>, api.request) : given;
    seen.params = params;
    rt.validators.get(apiKey(api.meta))!(params);
    const images = await readImages(api, params, call.flavor, config.fetchImageUrls, facts);
    seen.images = images;

    enter('chooseScenario'); // header → in-band marker → binding → active → when → default
    const { binding, active } = await state.bindings.forCaller(caller.id);
    scenario = await takeScenario(state.counters, {
      api, apis: data.apis.values(), flavor: call.flavor, header: call.scenarioNames,
      markers: [...urlMarkers(api, params), ...(images.image.markers.scenario ?? [])],
      binding, active, params, headers: req.headers, caller: caller.id,
    });
    call.scenarioNames = scenario.names;
    Object.assign(call.codePrefixes, scenario.codePrefixes);
    const latency = waitLatency(scenario.latencyMs);
    if (latency) await latency;

    enter('produce'); //        the scenario's error, an input problem, or the answer
    const reply = await produce(rt, { api, params, call, images, scenario, decoded, facts, envelope: provider.bodyEnvelope(call), handlers: provider.actions });
    for (const w of reply.warnings) await state.coverage.record(apiKey(api.meta), `warning:${w}`);
    if (reply.result !== undefined) await state.coverage.record(apiKey(api.meta), `result:${reply.result}`);

    enter('render');
    notices.push(...scenario.notices);
    if (notices.length) reply.headers[NOTICE_HEADER] = noticeHeader(notices);
    const render = (): void => { seen.body = writeReply(res, provider.reply(call, reply.status, reply.body, reply.headers)); };
    if (scenario.fault) outcome = playFault(scenario.fault, res, render);
    else render();
  } catch (thrown) {
    // The state store lost (Redis): the vendor's internal error, and a notice that says why.
    const e = isStateUnavailable(thrown) ? roleError('internal').noting(thrown.message) : thrown;
    const error = renderedError(data, provider.name, facts, call, e);
    outcome = error.code;
    if (call.api) await state.coverage.record(apiKey(call.api.meta), `error:${error.catalogCode}`).catch(storeLost);
    if (call.stages.at(-1) !== 'render') enter('render');
    if (isMockError(e) && e.notice) notices.push(e.notice);
    notices.push(...(scenario?.notices ?? []));
    if (notices.length && !res.headersSent) res.setHeader(NOTICE_HEADER, noticeHeader(notices));
    if (isMockError(e) && e.diagnosis) {
      seen.diagnosis = e.diagnosis;
      if (config.debugSignatures && !res.headersSent) res.setHeader(SIGNATURE_DEBUG_HEADER, Buffer.from(JSON.stringify(e.diagnosis)).toString('base64'));
    }
    // The client may still be sending a body: an oversized one (after this reply the connection cannot be
    // reused), or one refused before it was read (a wrong method or content type). Either is drained
    // before the reply ends, as a reply to a `Connection: close` request closes the socket when it ends.
    if (isMockError(e) && e.role === 'bodyTooLarge') closeAfterDrain(res);
    else if (!req.complete) endAfterDrain(res);
    const render = (): void => { seen.body = writeReply(res, provider.errorReply(call, error)); };
    if (scenario?.fault && !res.headersSent) outcome = playFault(scenario.fault, res, render);
    else if (!res.headersSent) render();
  }
  enter('record');
  try {
    const entry = journalEntry({ call, facts, scenario, notices, outcome, res, seen, ms: performance.now() - startedReal, method: raw.method, url });
    if (rt.replica !== undefined && state.kind !== 'memory') entry.replica = rt.replica;
    config.requestLog?.(entry.shown());
    await state.journal.record(entry).catch(storeLost);
  } catch (e) {
    // The answer is out; a journal that cannot describe the request must not take the process down.
    console.error('idcard-mock: could not record a request in the journal', e);
  }
}

/** The user's credentials of the provider, then its well-known pair (provider.json `testCredentials`). */
function secretsOf(user: ReadonlyMap<string, string> | undefined, facts: ProviderFacts): (id: string) => string | undefined {
  const [idField, secretField] = facts.testCredentials.fields;
  const { values } = facts.testCredentials;
  return (id) => user?.get(id) ?? (id === values[idField] ? values[secretField] : undefined);
}

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
  if (raw.method === 'GET' && raw.url.length > limit) throw roleError('bodyTooLarge', { size: raw.url.length, limit, style });
  return captureBody(req, limit, (size) => roleError('bodyTooLarge', { size, limit, style }));
}

/**
 * What cannot be recorded while the state store is lost (coverage, the journal) is dropped: the answer is
 * already out and said why (the notice), and the store's loss and return are said once each on stderr.
 */
function storeLost(e: unknown): void {
  if (!isStateUnavailable(e)) throw e;
}

/** A fixed window per caller: per API (`scope: action`) or across the provider (`provider`). */
async function rateLimit(rt: Runtime, facts: ProviderFacts, api: ApiDefinition, caller: string): Promise<void> {
  if (!rt.config.rateLimit) return;
  const rule = api.meta.rateLimit ?? facts.limits.rateLimit;
  if (!rule) return;
  // --rate-limit-per-minute sets the provider's shared window, not an API's own documented limit.
  const points = (api.meta.rateLimit ? undefined : rt.config.rateLimitPerMinute) ?? rule.points;
  const scope = rule.scope ?? (api.meta.rateLimit ? 'action' : 'provider');
  const key = scope === 'action' ? `${facts.provider}:${api.meta.action}:${caller}` : `${facts.provider}:${caller}`;
  const count = await rt.state.rateWindows.exceeded(key, { ...rule, points }, rt.clock.now());
  if (count !== undefined) throw roleError('rateLimited', { count, limit: points });
}

/** The error-code prefix replacements of the scenarios named in the header, known before anything can fail (`APIG.` → `APIGW.`). */
function codePrefixesOf(api: ApiDefinition, names: string[]): Record<string, string> {
  if (names.length === 0) return {};
  return Object.assign({}, ...names.map((n) => api.scenarios.get(n)?.codePrefixes ?? {}));
}

function listHeader(v: string | string[] | undefined): string[] {
  return (firstHeaderValue(v) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
