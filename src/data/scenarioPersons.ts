import type { DataSet } from './types.ts';
import type { RecordedPerson } from '../state/identityRegister.ts';

/** The persons the scenarios declare (`person`), for the identity register: they are on record from boot. */
export function scenarioPersons(data: DataSet): RecordedPerson[] {
  return [...data.apis.values()].flatMap((api) => [...api.scenarios.values()].flatMap((s) => (s.person ? [s.person] : [])));
}
