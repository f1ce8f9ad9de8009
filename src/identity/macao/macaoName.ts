// Realistic Macao resident names as printed on a Macao resident identity card and
// returned by Tencent RecognizeMacaoIDCardOCR (CnLastName/CnFirstName, EnLastName/
// EnFirstName, LastNameCode/FirstNameCode).
//
// - Chinese name in traditional characters.
// - Romanisation in the Macao government's Portuguese-based Cantonese system
//   (Decree 88/85/M glossary used by the DSI, Identification Services Bureau):
//   ong for ung, eng for ing, ao for au, ou for o-u, u for yu, i for y, io for iu.
// - Codes: real Chinese commercial telegraph codes, 4 digits per character, from
//   Unihan kTaiwanTelegraph (see scripts/build-telegraph-codes.mjs). Names use
//   only characters that have a code.
import { loadJson } from '../loadJson.ts';

export interface MacaoName {
  cnLastName: string;
  cnFirstName: string;
  enLastName: string;
  enFirstName: string;
  lastNameCode: string;
  firstNameCode: string;
}

export type MacaoSex = 'M' | 'F';

interface Surname { char: string; simplified: string; roman: string; weight: number }
// sex: 'U' = used in names of either sex; keeps generated names plausible.
interface GivenChar { char: string; roman: string; sex: MacaoSex | 'U' }
interface TelegraphFile { codes: Record<string, string> }

const load = <T>(name: string): T => loadJson(name, 'macao/data') as T;

const CODES: ReadonlyMap<string, string> = new Map(Object.entries(load<TelegraphFile>('telegraph.json').codes));
const hasCode = (e: { char: string }): boolean => CODES.has(e.char);
const SURNAMES = load<Surname[]>('surnames.json').filter(hasCode);
const GIVEN = load<GivenChar[]>('givenChars.json').filter(hasCode);
const GIVEN_BY_SEX: Record<MacaoSex, GivenChar[]> = {
  M: GIVEN.filter((g) => g.sex !== 'F'),
  F: GIVEN.filter((g) => g.sex !== 'M'),
};
const TOTAL_WEIGHT = SURNAMES.reduce((sum, s) => sum + s.weight, 0);
// Most Macao given names have two characters; single-character ones are a minority.
const SINGLE_CHAR_SHARE = 0.12;

/** The 4-digit telegraph code of a character used by the name tables, if any. */
export function telegraphCode(char: string): string | undefined {
  return CODES.get(char);
}

function pick<T>(items: readonly T[], r: number): T {
  const item = items[Math.min(items.length - 1, Math.floor(r * items.length))];
  if (item === undefined) throw new Error('macaoName: empty name table');
  return item;
}

function pickSurname(r: number): Surname {
  let left = r * TOTAL_WEIGHT;
  for (const s of SURNAMES) {
    left -= s.weight;
    if (left < 0) return s;
  }
  return pick(SURNAMES, 1);
}

const codeOf = (char: string): string => CODES.get(char) ?? '';

/**
 * A random Macao resident name. `random` is the project's seeded PRNG (next() in [0,1));
 * the same sequence always gives the same name. `sex` defaults to a random one.
 */
export function macaoName(random: { next(): number }, sex?: MacaoSex): MacaoName {
  const s = sex ?? (random.next() < 0.5 ? 'M' : 'F');
  const surname = pickSurname(random.next());
  const pool = GIVEN_BY_SEX[s];
  const given = [pick(pool, random.next())];
  if (random.next() >= SINGLE_CHAR_SHARE) {
    const first = given[0];
    const rest = pool.filter((g) => g !== first);
    given.push(pick(rest, random.next()));
  }
  return {
    cnLastName: surname.char,
    cnFirstName: given.map((g) => g.char).join(''),
    enLastName: surname.roman,
    enFirstName: given.map((g) => g.roman).join(' '),
    lastNameCode: codeOf(surname.char),
    firstNameCode: given.map((g) => codeOf(g.char)).join(''),
  };
}
