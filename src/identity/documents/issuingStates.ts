// Real issuing states of the foreign documents the emulator draws, from data/issuingStates.json (the
// ISO 3166-1 codes, the Chinese short name, the passport-number shapes and common names of each).
import { loadJson } from '../loadJson.ts';
import type { Random } from '../random.ts';

/** A name as its passport prints it (Latin capitals) and as a Chinese card transliterates it. */
export type NamePair = [latin: string, zh: string];

export interface IssuingState {
  /** ISO 3166-1 alpha-3, the MRZ's issuing state and nationality. */
  alpha3: string;
  /** ISO 3166-1 numeric (GB/T 2659.1), three digits. */
  numeric: string;
  zh: string;
  passportNumber: string[];
  surnames: NamePair[];
  male: NamePair[];
  female: NamePair[];
}

let states: readonly IssuingState[] | undefined;

export function issuingStates(): readonly IssuingState[] {
  states ??= Object.freeze((loadJson('issuingStates.json', 'documents/data') as { states: IssuingState[] }).states);
  return states;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'; // I and O left out: states avoid them beside 1 and 0

/** A value of a shape: 'A' a letter, '9' a digit, any other character itself. */
export function fromShape(random: Random, shape: string): string {
  let out = '';
  for (const c of shape) out += c === 'A' ? random.pick(Array.from(LETTERS)) : c === '9' ? String(random.int(0, 9)) : c;
  return out;
}

export interface ForeignName { surname: NamePair; given: NamePair }

export function foreignName(random: Random, state: IssuingState, sex: 'M' | 'F'): ForeignName {
  return { surname: random.pick(state.surnames), given: random.pick(sex === 'M' ? state.male : state.female) };
}
