import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonBody } from '../../src/pipeline/parseJsonBody.ts';

// parseJsonBody must be JSON.parse, only cheaper for large bodies: the same value, the same refusals.
const big = (n: number, ch = 'A'): string => ch.repeat(n);
const same = (text: string): void => {
  let expected: unknown;
  let error: string | undefined;
  try { expected = JSON.parse(text); } catch (e) { error = (e as Error).message; }
  if (error !== undefined) expect(() => parseJsonBody(Buffer.from(text))).toThrow(error);
  else expect(parseJsonBody(Buffer.from(text))).toStrictEqual(expected);
};

describe('parseJsonBody', () => {
  it.each([
    ['a 7 MB image in a small object', JSON.stringify({ ImageBase64: big(7e6, 'QUJD'), Config: '{"CropIdCard":true}', CardSide: 'FRONT' })],
    ['several large literals, in arrays and nested objects', JSON.stringify({ a: [big(70_000), 1, { b: big(20_000, 'x') }], c: big(100_000, '/') })],
    ['a large literal with escapes', JSON.stringify({ a: `${big(80_000)}"\\\n${big(10)}` })],
    ['a large literal with a raw control character (invalid JSON)', `{"a":"${big(80_000)}\u0001"}`],
    ['a large literal as a key', JSON.stringify({ [big(70_000)]: 1 })],
    ['an own __proto__ key holding a large literal', `{"__proto__":"${big(70_000)}","x":1}`],
    ['a large body whose text is not JSON', `{"a":"${big(80_000)}" "b":1}`],
    ['a large body cut short', `{"a":"${big(80_000)}`],
    ['a large literal in UTF-8', JSON.stringify({ name: big(30_000, '张') })],
    ['a large body without large literals', JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i })))],
    ['deep nesting around a large literal', `${'['.repeat(500)}"${big(70_000)}"${']'.repeat(500)}`],
    ['a small body', '{"a":1}'],
    ['a small invalid body', '{"a":'],
  ])('%s', (_name, text) => { same(text); });

  it('keeps an own __proto__ property and the prototype untouched', () => {
    const v = parseJsonBody(Buffer.from(`{"__proto__":"${big(70_000)}"}`)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect((Object.getOwnPropertyDescriptor(v, '__proto__')!.value as string).length).toBe(70_000);
  });

  it('equals JSON.parse for any JSON with a large string somewhere in it', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 16_384, max: 90_000 }), fc.string({ maxLength: 3 }), (value, n, tail) => {
      same(JSON.stringify({ v: value, image: big(n) + tail, after: value }));
    }), { numRuns: 150 });
  });
});
