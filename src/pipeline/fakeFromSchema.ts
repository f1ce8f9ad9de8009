import { generateSync } from 'json-schema-faker';
import type { JsonSchema } from '../data/jsonSchema.ts';

/**
 * json-schema-faker, configured once, every option spelled out. Response bodies start here: a
 * schema-shaped object where each field takes its schema `default` (the vendors' "" and [] for
 * "not applicable", tccli examples.json), seeded so the same request gives the same bytes.
 */
export function fakeFromSchema(schema: JsonSchema, seed: number): Record<string, unknown> {
  return generateSync(schema as Parameters<typeof generateSync>[0], {
    seed,
    useDefaultValue: true,
    alwaysFakeOptionals: true,
    fixedProbabilities: true,
    maxDepth: 8,
    minItems: 0,
    maxItems: 4,
    failOnInvalidTypes: true,
  }) as Record<string, unknown>;
}
