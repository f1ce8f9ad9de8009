// Realistic Chinese names: surnames drawn with real-world frequencies (王 李 张 刘 陈 …),
// given names by sex and birth generation, because naming fashions changed a lot
// (建国/秀英 for the 1950s, 伟/丽娟 for the 1980s, 子轩/欣怡 after 2000).
import { loadJson } from './loadJson.ts';
import type { Random } from './random.ts';

interface EraPool {
  /** Probability of a one-character given name (more common for older people). */
  single: number;
  /** Common complete given names of the era. */
  names: string[];
  /** Character pools to compose additional two-character names from. */
  first: string;
  second: string;
  singles: string;
}
type Sex = '男' | '女';
interface NamesData {
  surnames: [string, number][];
  given: Record<Sex, Record<'old' | 'mid' | 'young', EraPool>>;
}

const data = loadJson('names.json') as NamesData;
const surnames = data.surnames.map(([value, weight]) => ({ value, weight }));
const chars = new Map<string, readonly string[]>();
const charsOf = (s: string): readonly string[] => {
  let list = chars.get(s);
  if (!list) chars.set(s, (list = Array.from(s)));
  return list;
};

export interface ChineseName {
  surname: string;
  givenName: string;
  name: string;
}

function eraOf(birthYear: number): 'old' | 'mid' | 'young' {
  if (birthYear < 1975) return 'old';
  return birthYear < 1995 ? 'mid' : 'young';
}

function givenNameFor(random: Random, pool: EraPool): string {
  if (random.next() < pool.single) return random.pick(charsOf(pool.singles));
  if (random.next() < 0.6) return random.pick(pool.names);
  const first = random.pick(charsOf(pool.first));
  let second = random.pick(charsOf(pool.second));
  // Composed names with a doubled character read as nicknames; redraw once.
  if (second === first) second = random.pick(charsOf(pool.second));
  return first + second;
}

/** A plausible full name for someone of this sex born in `birthYear`. */
export function chineseName(random: Random, sex: Sex, birthYear: number): ChineseName {
  const surname = random.weighted(surnames);
  let givenName = givenNameFor(random, data.given[sex][eraOf(birthYear)]);
  // Compound surnames (欧阳 …) keep the whole name within 4 characters.
  if (surname.length === 2 && givenName.length > 2) givenName = givenName.slice(0, 2);
  return { surname, givenName, name: surname + givenName };
}
