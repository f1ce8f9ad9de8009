import { describe, expect, it } from 'vitest';
import { macaoPersonFor } from '../../src/identity/macao/macaoPersonFor.ts';
import { DRAWN_AS_OF } from '../../src/identity/validity.ts';
import { ageOn, chinaDate, compareYmd } from '../../src/identity/ymd.ts';

// Years after DRAWN_AS_OF: many cards drawn then have expired since and were renewed.
const NOW = new Date(Date.UTC(2033, 5, 15, 4));
const people = Array.from({ length: 300 }, (_, i) => macaoPersonFor(`key-${i}`, 'seed', NOW));

describe('macaoPersonFor', () => {
  it('is deterministic for (key, seed), on any day: only an expired card is renewed', () => {
    expect(macaoPersonFor('k', 's', NOW)).toEqual(macaoPersonFor('k', 's', NOW));
    expect(macaoPersonFor('k', 's', NOW)).not.toEqual(macaoPersonFor('k2', 's', NOW));
    const tomorrow = macaoPersonFor('k', 's', new Date('2026-12-07T12:00:00+08:00'));
    const { currentIssue: _c, validTo: _v, ...same } = tomorrow;
    expect(macaoPersonFor('k', 's', NOW)).toMatchObject(same);
  });

  it('prints IDs as NNNNNNN(N): 1 or 5 for permanent residents, 7 for non-permanent', () => {
    for (const p of people) {
      expect(p.id).toMatch(/^[157]\d{6}\(\d\)$/);
      expect(p.id.startsWith('7')).toBe(!p.permanent);
    }
    expect(new Set(people.map((p) => p.id[0]))).toEqual(new Set(['1', '5', '7']));
  });

  it('keeps Birthday < FirstIssueDate <= CurrentIssueDate < ValidityPeriod, with an unexpired card', () => {
    const today = chinaDate(NOW);
    for (const p of people) {
      expect(compareYmd(p.birth, p.firstIssue)).toBeLessThan(0);
      expect(compareYmd(p.firstIssue, p.currentIssue)).toBeLessThanOrEqual(0);
      expect(compareYmd(p.currentIssue, p.validTo)).toBeLessThan(0);
      expect(compareYmd(p.validTo, today)).toBeGreaterThan(0);
      expect(ageOn(p.birth, p.firstIssue)).toBeGreaterThanOrEqual(5);
      expect(ageOn(p.birth, DRAWN_AS_OF)).toBeGreaterThanOrEqual(18);
      expect(ageOn(p.birth, DRAWN_AS_OF)).toBeLessThanOrEqual(59);
    }
    expect(people.filter((p) => compareYmd(p.currentIssue, DRAWN_AS_OF) > 0).length).toBeGreaterThan(10);
  });

  it('draws plausible heights and both sexes', () => {
    for (const p of people) expect(Number(p.height)).toBeGreaterThan(1.3);
    for (const p of people) expect(Number(p.height)).toBeLessThan(2.1);
    expect(new Set(people.map((p) => p.sex))).toEqual(new Set(['M', 'F']));
  });
});
