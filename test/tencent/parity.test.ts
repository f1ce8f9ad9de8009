import { describe, expect, it } from 'vitest';
import { docText } from '../helpers/docs.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tccliModel, type TccliApi } from '../helpers/tccliModel.ts';
import { sdkModel } from '../helpers/sdkModel.ts';
import { modelDifferences, type SchemaNode } from '../helpers/modelDifferences.ts';
import type { ModelSide, VendorSource } from '../helpers/vendorModel.ts';

/**
 * Our request and response schemas against every vendor description of the same action: the tccli
 * api.json copies (test/fixtures/vendor-examples, domestic and intl), the tencentcloud-sdk-nodejs
 * `<service>_models.d.ts` and the tencentcloud-sdk-nodejs-intl-en `models.js` installed here. Every
 * field any of them declares is ours with the same type; ours has no other field but those below,
 * each explained in docs/developing.md. An SDK upgrade that adds a field fails here, naming it.
 */
const deliberate = new Map<string, string>([
]);

const root = new URL('../../', import.meta.url);
const path = (p: string) => fileURLToPath(new URL(p, root));
const readJson = <T>(p: string): T => JSON.parse(readFileSync(path(p), 'utf8')) as T;
const folders = (p: string) => readdirSync(path(p), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

// The actions are the data's: every schemas/tencent/<service>/<Action>/ folder, a new API included.
const actions = folders('schemas/tencent/').flatMap((service) => folders(`schemas/tencent/${service}/`).map((action) => {
  const { version } = readJson<{ version: string }>(`schemas/tencent/${service}/${action}/action.json`);
  return { service, action, v: `v${version.replaceAll('-', '')}`, version };
}));

interface Found { sources: Record<ModelSide, VendorSource[]>; missing: string[] }

/**
 * Every vendor description of the action, and what is missing: an action no tccli copy describes is
 * a finding (named first), and the SDK models are still compared so that one run tells everything.
 */
function vendorSources(service: string, action: string, v: string, version: string): Found {
  const sources: Record<ModelSide, VendorSource[]> = { request: [], response: [] };
  const missing: string[] = [];
  let domestic = false;
  for (const file of [`tccli-${service}-api.json`, `tccli-intl-${service}-api.json`]) {
    const fixture = `test/fixtures/vendor-examples/${file}`;
    if (!existsSync(path(fixture))) continue;
    const api = readJson<TccliApi>(fixture);
    const described = api.actions[action];
    if (!described) continue;
    domestic ||= !file.startsWith('tccli-intl-');
    sources.request.push({ source: file, model: tccliModel(api, file, described.input, 'request') });
    sources.response.push({ source: file, model: tccliModel(api, file, described.output, 'response') });
  }
  if (!sources.request.length) {
    missing.push(`${action} (${service} ${version}) has no vendor API description: neither test/fixtures/vendor-examples/`
      + `tccli-${service}-api.json nor tccli-intl-${service}-api.json has actions.${action}. Copy the action and its objects`
      + ` from tencentcloud-cli (or tencentcloud-cli-intl-en) tccli/services/${service}/${v}/api.json, as that folder's README says.`);
  }
  const sdks = [
    { source: `tencentcloud-sdk-nodejs ${service}_models.d.ts`, file: `node_modules/tencentcloud-sdk-nodejs/tencentcloud/services/${service}/${v}/${service}_models.d.ts`, expected: domestic },
    { source: `tencentcloud-sdk-nodejs-intl-en ${service} models.js`, file: `node_modules/tencentcloud-sdk-nodejs-intl-en/tencentcloud/${service}/${v}/models.js`, expected: false },
  ];
  for (const { source, file, expected } of sdks) {
    for (const side of ['request', 'response'] as const) {
      const name = `${action}${side === 'request' ? 'Request' : 'Response'}`;
      const model = existsSync(path(file)) ? sdkModel(path(file), name, side) : undefined;
      if (model) sources[side].push({ source, model });
      else if (expected) missing.push(`${source} declares no ${name}, though tccli describes ${action}: is ${file} the SDK's layout still?`);
    }
  }
  return { sources, missing };
}

describe('our Tencent schemas declare what the vendor declares, with the same types', () => {
  it('finds the emulated actions in schemas/tencent/', () => expect(actions.length).toBeGreaterThanOrEqual(3));

  it.each(actions.map((a) => [`${a.service} ${a.action}`, a] as const))('%s', (_name, { service, action, v, version }) => {
    const { sources, missing } = vendorSources(service, action, v, version);
    const differences = (['request', 'response'] as const).flatMap((side) => modelDifferences(`${action} ${side}`, sources[side],
      readJson<SchemaNode>(`schemas/tencent/${service}/${action}/${side}.json`), new Set(deliberate.keys())));
    expect([...missing, ...differences]).toEqual([]);
  });

  it('allows exactly the extra fields our schemas have, each listed in docs/developing.md (or none, and it says so)', () => {
    // The fields our schemas have that no vendor source declares, found without the allowlist: an entry
    // for a field since removed or since declared by the vendor is stale, and fails here.
    const extra = actions.flatMap(({ service, action, v, version }) => {
      const { sources } = vendorSources(service, action, v, version);
      return (['request', 'response'] as const).flatMap((side) => modelDifferences(`${action} ${side}`, sources[side],
        readJson<SchemaNode>(`schemas/tencent/${service}/${action}/${side}.json`), new Set()));
    }).flatMap((d) => /^(\S+ \S+) is in our schema but no vendor source declares it/.exec(d)?.[1] ?? []);
    expect(extra.sort()).toEqual([...deliberate.keys()].sort());
    const readme = docText('docs/developing.md');
    const allowances = readme.slice(readme.indexOf('Fields of ours that no'), readme.indexOf('## Developing'));
    if (deliberate.size === 0) expect(allowances).toMatch(/at present there are none\.\s*$/);
    else expect([...deliberate.keys()].filter((field) => !allowances.includes(field))).toEqual([]);
  });
});
