// The 56 officially recognised ethnic groups, in GB/T 3304 code order, with the
// short form printed in the card's 民族 field ('蒙古', not '蒙古族'). Weights are
// 2020 census populations in units of 10,000 (汉 ≈ 91.1%).
import { loadJson } from './loadJson.ts';
import type { Random } from './random.ts';

export interface Nation {
  /** GB/T 3304 two-digit code. */
  code: string;
  name: string;
  weight: number;
}

export const nations: readonly Nation[] = Object.freeze(
  (loadJson('nations.json') as Nation[]).map((n) => Object.freeze({ ...n })),
);

const nationNames = new Set(nations.map((n) => n.name));
const weightedNames = nations.map((n) => ({ value: n.name, weight: n.weight }));

export function isNation(name: string): boolean {
  return nationNames.has(name);
}

/** Draws a nation with census weights. */
export function pickNation(random: Random): string {
  return random.weighted(weightedNames);
}
