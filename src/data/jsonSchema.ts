import type { PersonalKind } from './personalKinds.ts';

/** A JSON Schema as read from schemas/ (draft 2020-12 plus the emulator's `x-error` and `x-flavors` annotations). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  contentMediaType?: string;
  contentSchema?: JsonSchema;
  'x-error'?: string;
  'x-flavors'?: string[];
  'x-when'?: string | Record<string, unknown>;
  'x-unless'?: Record<string, unknown>;
  /** Personal data or a secret, and so how it is masked wherever it leaves the process (src/journalEntries/maskPersonal.ts). */
  'x-personal'?: PersonalKind;
  [key: string]: unknown;
}
