import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { SECRET_ID, SECRET_KEY } from '../helpers/tencentClients.ts';
import { PROJECT_ID, signedFetch } from '../helpers/huaweiSign.ts';
import { sampleRequest } from '../helpers/sampleRequest.ts';
import { callAlibaba } from '../helpers/alibabaClients.ts';
import { encryptWithTestKey, testPublicKey } from '../helpers/encryptWithTestKey.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import luhn from 'luhn';
import { loadData } from '../../src/data/loadData.ts';
import { requestLogLine } from '../../src/log/requestLogLine.ts';
import type { ApiDefinition } from '../../src/data/types.ts';
import type { JsonSchema } from '../../src/data/jsonSchema.ts';

// The README's promise (Security): from nothing that leaves the process (the journal, the event stream
// the dashboard shows, the request log in both formats, the coverage file) can anyone rebuild an ID
// number, a name or an address, not even by putting fields together: the masked number and the birth
// date of one entry together must not give the number back; nor a bank card number. Many people, every API of every vendor,
// requests and answers, parameters in a signed query (a failed signature's diagnosis quotes it) and
// Encryption with the published test key.
const data = loadData(new URL('../../', import.meta.url).pathname);
const apis = [...data.apis.values()];
const PEOPLE_PER_API = 12;

let server: TestServer;
const logLines: string[] = [];
let events: { text: string; res: IncomingMessage; grew: (() => void)[] };
beforeAll(async () => {
  server = await startServer({ rateLimit: false, requestLog: (e) => logLines.push(requestLogLine(e, 'pretty'), requestLogLine(e, 'json')) });
  const res = await new Promise<IncomingMessage>((resolve, reject) => request(`${server.url}/__mock/events`, resolve).on('error', reject).end());
  res.setEncoding('utf8');
  events = { text: '', res, grew: [] };
  res.on('data', (chunk: string) => { events.text += chunk; for (const f of events.grew.splice(0)) f(); });
});
afterAll(async () => { events?.res.destroy(); await server?.close(); });

/** Personal values as the client received them, with the request id of the answer that carried them. */
interface Seen { kind: string; value: string; requestId: string }
const seen: Seen[] = [];
/** Mainland ID numbers read so far, to send back to the APIs that take one. */
const people: { IdNum: string; Name: string }[] = [];

/** Every string of an answer at a property the schema marks personal, plus anything shaped like an ID number. */
function collect(value: unknown, schema: JsonSchema | undefined, requestId: string, root: JsonSchema | undefined = schema): void {
  const s = typeof schema?.$ref === 'string' ? (root?.$defs as Record<string, JsonSchema>)[schema.$ref.replace('#/$defs/', '')] : schema;
  if (typeof value === 'string') {
    if (s?.['x-personal'] && s['x-personal'] !== 'image' && s['x-personal'] !== 'secret' && value) seen.push({ kind: s['x-personal'], value, requestId });
    for (const m of value.match(/\d{17}[\dX]/g) ?? []) seen.push({ kind: 'idNumber', value: m, requestId });
    if (s?.contentMediaType === 'application/json') { try { collect(JSON.parse(value), s.contentSchema, requestId); } catch { /* not JSON */ } }
  } else if (Array.isArray(value)) value.forEach((v) => collect(v, s?.items, requestId, root));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, s?.properties?.[k], requestId, root);
}

/** Phone and bank-card numbers sent (the element verifications' parameters), each valid: a China Mobile number, a Luhn-valid card. */
const sentNumbers = new Set<string>();
const phoneFor = (i: number): string => `139${String(20260000 + i * 7919).padStart(8, '0')}`;
function cardFor(i: number): string {
  const body = `622576${String(100000000 + i * 104729).padStart(9, '0')}`;
  return [...'0123456789'].map((d) => body + d).find((c) => luhn.validate(c))!;
}

/** The request for person `i`: a card image of its own, the enum parameters cycled, personal parameters from people read earlier. */
function paramsFor(api: ApiDefinition, i: number): Record<string, unknown> {
  const params = sampleRequest(api);
  const rules = api.meta.image;
  if (rules && typeof params[rules.base64] === 'string') params[rules.base64] = makeCardImage({ seed: `personal-${api.meta.action}-${i}`, markers: { card: rules.card }, width: 342, height: 216 }).toString('base64');
  for (const [name, p] of Object.entries(api.request.properties ?? {})) {
    if (Array.isArray(p.enum) && typeof p.enum[0] === 'string' && name in params) params[name] = p.enum[i % p.enum.length];
    // A numbered choice of card (RecognizeValidIDCardOCR CardType) is cycled too, so every card type is read.
    if (Array.isArray(p.enum) && typeof p.enum[0] === 'number') params[name] = p.enum[i % p.enum.length];
    const person = people[i % Math.max(1, people.length)];
    if (person && p['x-personal'] === 'idNumber') params[name] = person.IdNum;
    if (person && p['x-personal'] === 'name') params[name] = person.Name;
    if (p['x-personal'] === 'phone' || p['x-personal'] === 'bankCard') {
      params[name] = p['x-personal'] === 'phone' ? phoneFor(i) : cardFor(i);
      sentNumbers.add(params[name] as string);
    }
  }
  return params;
}

async function call(api: ApiDefinition, params: Record<string, unknown>, o: { get?: boolean; secretKey?: string } = {}): Promise<void> {
  if (api.meta.provider === 'alibaba') {
    // Through the SDK; its model's toMap() gives the body back under the vendor's names.
    const r = await callAlibaba(server.endpoint, api.meta.action, params, o.secretKey ? { accessKeySecret: o.secretKey } : {}).catch(() => undefined);
    const body = (r?.body as { toMap?(): Record<string, unknown> } | undefined)?.toMap?.();
    if (body) collect(body, api.response, String(body.RequestId));
    return;
  }
  if (api.meta.http) {
    const res = await signedFetch(server.url, api.meta.http.path.replace('{project_id}', PROJECT_ID), params, { now: Date.now(), method: api.meta.http.method });
    const body = await res.json() as Record<string, unknown>;
    collect(body, api.response, res.headers.get('x-request-id') ?? '');
    return;
  }
  const client = new CommonClient(`${api.meta.service}.tencentcloudapi.com`, api.meta.version, {
    credential: { secretId: SECRET_ID, secretKey: o.secretKey ?? SECRET_KEY },
    region: 'ap-guangzhou',
    profile: o.get ? { signMethod: 'HmacSHA256', httpProfile: { endpoint: server.endpoint, protocol: 'http://', reqMethod: 'GET' } } : { httpProfile: { endpoint: server.endpoint, protocol: 'http://' } },
  });
  const body = await client.request(api.meta.action, params).catch(() => undefined) as Record<string, unknown> | undefined;
  if (body) collect(body, api.response, String(body.RequestId));
}

async function encrypted(fields: Record<string, string>): Promise<Record<string, unknown>> {
  const { params, Encryption } = encryptWithTestKey(await testPublicKey(server.url), fields);
  return { ...params, Encryption };
}

/** A birth date in every way the vendors and people write it. */
function birthForms(idNumber: string): string[] {
  const [y, m, d] = [idNumber.slice(6, 10), idNumber.slice(10, 12), idNumber.slice(12, 14)];
  const [mm, dd] = [String(Number(m)), String(Number(d))];
  return [`${y}${m}${d}`, ...['/', '-', '.', '年'].flatMap((sep) => [`${y}${sep}${m}${sep}${d}`, `${y}${sep}${mm}${sep}${dd}`]), `${d}-${m}-${y}`, `${dd}-${mm}-${y}`];
}

describe('personal data leaving the process', () => {
  it('reads many people through every API and keeps every one of them unrebuildable outside', async () => {
    // Readers first, so the APIs that take an ID number and a name get real ones.
    const ordered = [...apis].sort((a, b) => Number(Boolean(a.meta.image)) - Number(Boolean(b.meta.image))).reverse();
    for (const api of ordered) {
      for (let i = 0; i < PEOPLE_PER_API; i++) await call(api, paramsFor(api, i));
      if (api.meta.http) continue;
      // Parameters in a signed query, with a wrong key: the failed signature's diagnosis quotes the query.
      await call(api, paramsFor(api, PEOPLE_PER_API), { get: true, secretKey: 'not-the-secret-key-0000000000000' });
      const names = Object.entries(api.request.properties ?? {}).filter(([, p]) => p['x-personal'] === 'idNumber' || p['x-personal'] === 'name');
      if (api.request.properties?.Encryption && names.length && people[0]) {
        await call(api, { ...paramsFor(api, 0), ...await encrypted(Object.fromEntries(names.map(([n, p]) => [n, p['x-personal'] === 'idNumber' ? people[0]!.IdNum : people[0]!.Name]))) });
      }
      for (const s of seen.filter((x) => x.kind === 'idNumber' && /^\d{17}[\dX]$/.test(x.value))) {
        const name = seen.find((x) => x.requestId === s.requestId && x.kind === 'name')?.value;
        if (name && !people.some((p) => p.IdNum === s.value)) people.push({ IdNum: s.value, Name: name });
      }
    }
    const last = (await server.runtime.state.journal.list()).at(-1)!.requestId!;
    while (!events.text.includes(last)) await new Promise<void>((resolve) => events.grew.push(resolve));

    const journal = await (await fetch(`${server.url}/__mock/journal`)).json() as { requestId?: string }[];
    const coverage = await (await fetch(`${server.url}/__mock/coverage`)).text();
    const outside = [JSON.stringify(journal), events.text, logLines.join('\n'), coverage].join('\n');

    // Enough people of each kind that the checks below mean something.
    const kinds = new Map<string, number>();
    for (const s of seen) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toMatchObject({ idNumber: expect.any(Number), name: expect.any(Number), address: expect.any(Number), birthDate: expect.any(Number) });
    expect(people.length).toBeGreaterThanOrEqual(PEOPLE_PER_API * 2);
    for (const kind of ['idNumber', 'name', 'address', 'birthDate']) expect(kinds.get(kind)).toBeGreaterThanOrEqual(PEOPLE_PER_API);
    // Bank card numbers too, from every API whose answer carries one (Tencent CardNo, Huawei card_number).
    const cardApis = apis.filter((a) => JSON.stringify(a.response).includes('"x-personal":"bankCard"'));
    expect(kinds.get('bankCard') ?? 0).toBeGreaterThanOrEqual(cardApis.length * PEOPLE_PER_API);
    // The passport reader and the residence permit's back (PassNum) bring document numbers, the MRZ reader its lines.
    for (const kind of ['documentNumber', 'mrz']) expect(kinds.get(kind), kind).toBeGreaterThanOrEqual(2);
    expect(journal.length).toBeGreaterThan(apis.length * PEOPLE_PER_API);

    const leaks: string[] = [];
    for (const s of seen) {
      if (s.kind === 'idNumber') {
        if (outside.includes(s.value)) leaks.push(`ID number ${s.value}`);
        // The first 14 characters are region and birth date: with the last 4 shown, they are the number.
        if (outside.includes(s.value.slice(0, 14))) leaks.push(`region and birth of ${s.value}`);
        const entries = journal.filter((e) => e.requestId === s.requestId).map((e) => JSON.stringify(e));
        const lines = logLines.filter((l) => l.includes(s.requestId));
        for (const text of [...entries, ...lines]) {
          for (const form of birthForms(s.value)) if (text.includes(form)) leaks.push(`birth date ${form} beside the number ending ${s.value.slice(-4)}`);
        }
      }
      // A Latin name (Macao cards) is looked for as a word: `MA` is in many words that are not names, and
      // `IAM` is in the code IAM.0101 (a word is not followed or preceded by a dot either).
      const asWord = /^[A-Z ,.'-]+$/i.test(s.value) ? new RegExp(`(?<![\\w.])${s.value.replace(/[.']/g, '\\$&')}(?![\\w.])`) : undefined;
      if (s.kind === 'name' && [...s.value].length >= 2 && (asWord ? asWord.test(outside) : outside.includes(s.value))) leaks.push(`name ${s.value}`);
      if (s.kind === 'bankCard') {
        // Printed with spaces (Huawei) or not: neither form, nor all but the last 4 digits, may leave.
        const digits = s.value.replace(/\D/g, '');
        if (outside.includes(s.value) || outside.includes(digits)) leaks.push(`card number ${s.value}`);
        if (outside.includes(digits.slice(0, -4))) leaks.push(`all but the last 4 digits of card ${digits.slice(-4)}`);
      }
      // Passport and travel-permit numbers, and the MRZ lines (number, birth date and name in one), never whole.
      if ((s.kind === 'documentNumber' || s.kind === 'mrz') && outside.includes(s.value)) leaks.push(`${s.kind} ${s.value}`);
      if (s.kind === 'mrz' && outside.includes(s.value.slice(0, 10))) leaks.push(`the number part of ${s.value}`);
      if (s.kind === 'address') {
        if (outside.includes(s.value)) leaks.push(`address ${s.value}`);
        const street = [...s.value].slice(6).join('');
        if ([...street].length >= 4 && outside.includes(street)) leaks.push(`street and house ${street}`);
      }
    }
    // Names and numbers sent by the callers (the verification APIs' parameters) too.
    for (const p of people) if (outside.includes(p.IdNum)) leaks.push(`sent ID number ${p.IdNum}`);
    // Phone and bank-card numbers keep only their last 4 digits: neither the number nor the digits before them leave.
    expect(sentNumbers.size).toBeGreaterThanOrEqual(PEOPLE_PER_API * 2);
    for (const n of sentNumbers) if (outside.includes(n) || outside.includes(n.slice(0, -4))) leaks.push(`sent number ${n}`);
    expect([...new Set(leaks)]).toEqual([]);
  }, 120_000);
});
