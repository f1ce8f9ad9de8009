import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sdkError } from './tencentClients.ts';

type Answer = Record<string, unknown>;
export type Catalog = Record<string, { en: string; zh: string; charged: boolean }>;
type Call = (headers: Record<string, string>, language: 'en-US' | 'zh-CN') => Promise<Answer>;

/** An action's results.json and errors.json, read as files: the tests hold the emulator to the data, not to its loader. */
export function faceidCatalogs(action: string): { results: Catalog; errors: Catalog; action: Record<string, unknown> } {
  const read = (file: string) => JSON.parse(readFileSync(new URL(`../../schemas/tencent/faceid/${action}/${file}`, import.meta.url), 'utf8'));
  return { results: read('results.json').results, errors: read('errors.json').errors, action: read('action.json') };
}

/**
 * The FaceID comparisons whose Result is `Success` or a FailedOperation code (CheckIdCardInformation,
 * LivenessCompare): every result by scenario, a success answer with its Description and a similarity
 * that fits it (Success 70 and more; a charged failure, a comparison that fell short, under 70; any
 * other 0), and every action error by name in both languages, with the documented count and rate.
 */
export function describeComparisonCodes(action: string, call: Call, counts: { errors: number; perSecond: number }): void {
  const { results, errors, action: meta } = faceidCatalogs(action);
  describe(`${action}: every Result by scenario, every error by name`, () => {
    it.each(Object.keys(results))('result:%s is a success answer with that Result and Description', async (code) => {
      const v = await call({ 'X-Mock-Scenario': `result:${code}` }, 'en-US');
      expect(v).toMatchObject({ Result: code, Description: results[code]!.en });
      if (code === 'Success') expect(Number(v.Sim)).toBeGreaterThanOrEqual(70);
      else if (results[code]!.charged) expect(Number(v.Sim)).toBeLessThan(70);
      else expect(v.Sim).toBe(0);
    });

    it.each(Object.entries(errors))('%s, in English and Chinese', async (code, { en, zh }) => {
      const headers = { 'X-Mock-Scenario': code };
      expect(await sdkError(call(headers, 'en-US'))).toMatchObject({ code, message: en });
      expect((await sdkError(call(headers, 'zh-CN'))).message).toBe(zh);
    });

    it(`has the documented ${counts.errors} error codes and ${counts.perSecond} requests per second`, () => {
      expect(Object.keys(errors)).toHaveLength(counts.errors);
      expect(meta.rateLimit).toEqual({ points: counts.perSecond, seconds: 1 });
    });
  });
}
