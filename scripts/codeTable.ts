// The table (docs/codes.md) of every emulated error, warning and result code, generated from the catalogs in
// schemas/: `npm run docs:codes` rewrites it between the markers; test/readme/codeTable.test.ts fails
// when the page's copy is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadData } from '../src/data/loadData.ts';
import { clientStatus } from '../src/admin/clientStatus.ts';
import type { ApiDefinition, Catalog, DataSet } from '../src/data/types.ts';

export const START = '<!-- codes:start (npm run docs:codes writes this part) -->';
export const END = '<!-- codes:end -->';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function errorRows(provider: string, catalog: Catalog): string[] {
  return [
    '| code | HTTP | message |',
    '|---|---|---|',
    ...Object.entries(catalog).map(([code, e]) => `| \`${code}\` | ${clientStatus(provider, e.status || 400)} | ${cell(e.en)} |`),
  ];
}

function details(summary: string, lines: string[]): string[] {
  return ['<details>', `<summary>${summary}</summary>`, '', ...lines, '', '</details>', ''];
}

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

function apiBlock(api: ApiDefinition): string[] {
  const { provider, service, action, version } = api.meta;
  const errors = Object.keys(api.errors);
  const warnings = Object.entries(api.warnings);
  const results = Object.entries(api.results.results);
  const parts = [count(errors.length, 'error'), warnings.length ? count(warnings.length, 'warning') : '', results.length ? count(results.length, 'result') : ''].filter(Boolean);
  const lines: string[] = [];
  if (errors.length) lines.push(...errorRows(provider, api.errors), '');
  if (warnings.length) {
    lines.push('| warning | request flag | shared name | flavours | meaning |', '|---|---|---|---|---|');
    for (const [code, w] of warnings) lines.push(`| \`warning:${code}\` | ${w.flag ? `\`${w.flag}\`` : 'always reported'} | ${w.name ? `\`warning:${w.name}\`` : ''} | ${w.flavors?.join(', ') ?? 'all'} | ${cell(w.en)} |`);
    lines.push('');
  }
  if (results.length) {
    lines.push('| result | charged | Description |', '|---|---|---|');
    for (const [code, r] of results) lines.push(`| \`result:${code}\` | ${r.charged ? 'yes' : 'no'} | ${cell(r.en)} |`);
    lines.push('');
  }
  return details(`${provider} <b>${action}</b> (${service} ${version}): ${parts.join(', ')}`, lines.slice(0, -1));
}

/** The whole generated part: the common catalogs of each provider, the emulator's own codes, then each API's. */
export function codeTable(data: DataSet): string {
  const providers = Object.keys(data.providers).sort();
  const apis = [...data.apis.values()].sort((a, b) => `${a.meta.provider}:${a.meta.action}`.localeCompare(`${b.meta.provider}:${b.meta.action}`));
  return [
    START,
    ...providers.flatMap((p) => details(`${p}: ${count(Object.keys(data.commonErrors[p] ?? {}).length, 'common error')} (every ${p} API)`, errorRows(p, data.commonErrors[p] ?? {}))),
    ...details(`the emulator's own: ${count(Object.keys(data.mockErrors).length, 'error')} (in the envelope of the vendor called; HTTP for Huawei)`, errorRows('huawei', data.mockErrors)),
    ...apis.flatMap(apiBlock),
    END,
  ].join('\n');
}

/** The page with its generated part replaced. */
export function withCodeTable(readme: string, table: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${PAGE} has no ${START} … ${END} markers`);
  return readme.slice(0, from) + table + readme.slice(to + END.length);
}

export const root = fileURLToPath(new URL('../', import.meta.url));
/** The page that holds the table. */
export const PAGE = 'docs/codes.md';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = `${root}${PAGE}`;
  const before = readFileSync(path, 'utf8');
  const after = withCodeTable(before, codeTable(loadData(root)));
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? `${PAGE}: the code table is up to date` : `${PAGE}: code table rewritten`);
}
