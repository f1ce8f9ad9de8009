import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient } from '../helpers/tencentClients.ts';

/**
 * Golden data from the vendor: the tccli examples (test/fixtures/vendor-examples, copied from
 * tencentcloud-cli). Each example's request is replayed (its ImageUrl seeds the person) and our Response
 * must have the same keys with the same JSON types; JSON-text fields (AdvancedInfo) must hold at least
 * the example's keys.
 */
const examples = JSON.parse(readFileSync(new URL('../fixtures/vendor-examples/tccli-ocr-examples.json', import.meta.url), 'utf8'))
  .actions.IDCardOCR as { title: string; input: string; output: string }[];

const typeOf = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
const shape = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeOf(v)]));

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

describe('IDCardOCR responses hold against the tccli examples', () => {
  it('has the four vendor examples', () => expect(examples).toHaveLength(4));

  it.each(examples.map((e) => [e.title, e] as const))('%s', async (_title, example) => {
    const request = JSON.parse(example.input.slice(example.input.indexOf('{')));
    const vendor = JSON.parse(example.output).Response as Record<string, unknown>;
    const ours = (await ocrClient(server.endpoint).IDCardOCR(request)) as Record<string, unknown>;
    expect(shape(ours)).toEqual(shape(vendor));
    const vendorAdvanced = JSON.parse(vendor.AdvancedInfo as string);
    const ourAdvanced = JSON.parse(ours.AdvancedInfo as string);
    for (const key of Object.keys(vendorAdvanced)) expect(typeOf(ourAdvanced[key])).toBe(typeOf(vendorAdvanced[key]));
    // Fields the vendor filled are filled by us, and fields it left "" (the other side) we leave "" too.
    for (const [k, v] of Object.entries(vendor)) if (typeof v === 'string' && k !== 'AdvancedInfo') expect(ours[k] === '').toBe(v === '');
  });
});
