import { generateSync } from 'json-schema-faker';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import type { ApiDefinition } from '../../src/data/types.ts';

/**
 * A request that passes validation: the request schema's first example, else its required parameters
 * generated from it; and a card image of the kind the API reads (action.json `image`) where it takes one.
 */
export function sampleRequest(api: ApiDefinition): Record<string, unknown> {
  const examples = api.request.examples as Record<string, unknown>[] | undefined;
  const params = examples?.[0] ? structuredClone(examples[0]) : generateSync(api.request as never, { seed: 1, alwaysFakeOptionals: false, optionalsProbability: 0, useDefaultValue: false, fixedProbabilities: true } as never) as Record<string, unknown>;
  const rules = api.meta.image;
  if (rules && !rules.skipWhen?.every((p) => p in params)) {
    delete params[rules.url];
    params[rules.base64] = makeCardImage({ seed: 'catalog', markers: { card: rules.card } }).toString('base64');
  }
  return params;
}

/** The request with the flag a warning needs turned on (warnings.json `flag`, in `flagsIn` JSON text or as a parameter) and its `requires`. */
export function withWarningFlag(api: ApiDefinition, code: string, params: Record<string, unknown>): Record<string, unknown> {
  const w = api.warnings[code];
  if (!w) return params;
  const out: Record<string, unknown> = { ...params, ...w.requires };
  if (w.flag === undefined) return out;
  if (api.warningFlagsIn) out[api.warningFlagsIn] = JSON.stringify({ ...JSON.parse(String(out[api.warningFlagsIn] ?? '{}')), [w.flag]: true });
  else out[w.flag] = true;
  return out;
}
