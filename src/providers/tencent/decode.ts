import type { IncomingHttpHeaders } from 'node:http';
import { roleError } from '../../errors.ts';
import { firstHeaderValue } from '../../pipeline/firstHeaderValue.ts';
import { parseMultipart } from '../../pipeline/parseMultipart.ts';
import { parseJsonObject } from '../../pipeline/parseJsonObject.ts';
import { didYouMean } from '../../cli/didYouMean.ts';
import { shownValue } from '../../journalEntries/shownValue.ts';
import type { Config } from '../../config.ts';
import type { Flavor, Language, ProviderFacts } from '../../data/types.ts';
import type { Call, Decoded, RawRequest } from '../Provider.ts';

/** The request styles the Tencent SDKs produce: TC3 JSON, GET and multipart; v1 form POST and GET. */
export type Style = 'tc3-json' | 'tc3-get' | 'tc3-multipart' | 'v1-form' | 'v1-get';

/** A decoded Tencent request: the v1 common parameters travel beside the action's own. */
export interface TencentDecoded extends Decoded<{ action: string; version: string }> {
  style: Style;
  /** v1 common parameters (SecretId, Signature, Nonce, ...) as text. */
  common: Record<string, string>;
  /** Every v1 parameter, common and action, as text: the v1 signature is over all of them. */
  signed: Record<string, string>;
}

export function styleOf({ method, headers }: RawRequest): Style {
  if (method !== 'GET' && method !== 'POST') throw roleError('methodNotAllowed');
  if (method === 'GET') return headers.authorization ? 'tc3-get' : 'v1-get';
  const type = mediaType(headers['content-type']);
  if (type === 'application/json') return 'tc3-json';
  if (type === 'application/x-www-form-urlencoded') return 'v1-form';
  if (type === 'multipart/form-data') return 'tc3-multipart';
  throw roleError('unsupportedContentType', { type: type || '(none)' });
}

/** Messages follow X-TC-Language (`zh-CN` or `en-US`), English when absent; the v1 `Language` parameter is read at decode. */
export function begin(req: RawRequest, call: Call, config: Config, facts: ProviderFacts): void {
  const named = firstHeaderValue(req.headers['x-tc-language']);
  call.language = languageOf(named);
  call.requestedLanguage = named ? call.language : undefined;
  call.flavor = flavorOf(req.headers, undefined, config, facts);
}

export async function decode(req: RawRequest, body: Buffer, call: Call, config: Config, facts: ProviderFacts): Promise<TencentDecoded> {
  const style = styleOf(req);
  const q = req.url.indexOf('?');
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  const commonNames = facts.commonParameters ?? [];
  let params: Record<string, unknown> = {};
  let signed: Record<string, string> = {};
  if (style === 'tc3-json') params = body.length ? parseJsonObject(body) : {};
  else if (style === 'tc3-multipart') params = await parseMultipart(body, req.headers['content-type']!);
  else {
    signed = parseForm(style === 'v1-form' ? body.toString('utf8') : rawQuery);
    params = style === 'tc3-get' ? signed : pick(signed, (k) => !commonNames.includes(k));
  }
  const v1 = style.startsWith('v1');
  const common = v1 ? pick(signed, (k) => commonNames.includes(k)) : {};
  const header = (n: string): string | undefined => firstHeaderValue(req.headers[n]);
  if (common.Language) call.language = call.requestedLanguage = languageOf(common.Language);
  call.flavor = flavorOf(req.headers, common.RequestClient, config, facts);
  const action = v1 ? common.Action : header('x-tc-action');
  const version = v1 ? common.Version : header('x-tc-version');
  noteRegion(v1 ? common.Region : header('x-tc-region'), call, facts);
  if (!action) throw roleError('missingParameter', { name: 'Action' });
  if (!version) throw roleError('missingParameter', { name: 'Version' });
  return {
    style, target: { action, version }, pathParams: {}, params: () => params, flat: style !== 'tc3-json',
    method: req.method, url: req.url, rawQuery, headers: req.headers, body, common, signed,
  };
}

/**
 * These APIs take no Region and the vendor answers whatever is sent (provider.json `regions`): a
 * region the documentation does not list is answered as usual, and said in a notice, as it is most
 * likely a typo that a region-bound API would refuse.
 */
function noteRegion(region: string | undefined, call: Call, facts: ProviderFacts): void {
  const known = facts.regions;
  if (!known || region === undefined || known.unset?.includes(region) || known.names.includes(region)) return;
  call.notices.push(`Region ${shownValue(region)} is not a region Tencent Cloud documents${didYouMean(region, known.names)}; answered all the same, as these APIs do not need a Region (${known.names.join(', ')})`);
}

const languageOf = (value: string | undefined): Language => (value === 'zh-CN' ? 'zh-CN' : 'en-US');

/**
 * The flavour is what the client reveals (provider.json `flavors`: a Host of the intl domain, or an
 * intl SDK's request client, sent as X-TC-RequestClient or the v1 RequestClient parameter); otherwise
 * `--flavor` (domestic by default).
 */
function flavorOf(headers: IncomingHttpHeaders, requestClient: string | undefined, config: Config, facts: ProviderFacts): Flavor {
  const host = firstHeaderValue(headers.host) ?? '';
  const client = requestClient ?? firstHeaderValue(headers['x-tc-requestclient']) ?? '';
  for (const { flavor, host: byHost, client: byClient } of revealsOf(facts)) {
    if (byHost?.test(host) || byClient?.test(client)) return flavor;
  }
  return config.flavor;
}

type Reveal = { flavor: Flavor; host?: RegExp; client?: RegExp };
const reveals = new WeakMap<ProviderFacts, Reveal[]>();

/** provider.json `flavors` compiled once per data set, not on every request. */
function revealsOf(facts: ProviderFacts): Reveal[] {
  let r = reveals.get(facts);
  if (!r) {
    r = Object.entries(facts.flavors ?? {}).map(([flavor, reveal]) => ({
      flavor: flavor as Flavor,
      ...(reveal.host ? { host: new RegExp(reveal.host, 'i') } : {}),
      ...(reveal.client ? { client: new RegExp(reveal.client, 'i') } : {}),
    }));
    reveals.set(facts, r);
  }
  return r;
}

function mediaType(value: string | undefined): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

function pick(o: Record<string, string>, keep: (k: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keep(k)));
}

/** `a=1&b=2`, percent- and `+`-decoded; values stay text (Python's Nonce exceeds 2^53). */
function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq < 0) throw roleError('malformedForm');
    try {
      out[decodeURIComponent(pair.slice(0, eq).replaceAll('+', ' '))] = decodeURIComponent(pair.slice(eq + 1).replaceAll('+', ' '));
    } catch {
      throw roleError('malformedForm');
    }
  }
  return out;
}
