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
  /** Personal data or a secret: id (6+4 characters shown), name (the first), address (the first 6), image (format, size, hash), secret (nothing). */
  'x-personal'?: 'id' | 'name' | 'address' | 'image' | 'secret';
  [key: string]: unknown;
}
