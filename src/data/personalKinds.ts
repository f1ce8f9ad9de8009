/**
 * The kinds of personal data a schema property can be (`x-personal`), each masked its own way
 * wherever an entry leaves the process: src/journalEntries/maskPersonal.ts.
 */
export const PERSONAL_KINDS = ['idNumber', 'birthDate', 'name', 'address', 'phone', 'bankCard', 'image', 'secret', 'documentNumber', 'mrz'] as const;
export type PersonalKind = typeof PERSONAL_KINDS[number];
