import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeTable, END, PAGE, root, START, withCodeTable } from '../../scripts/codeTable.ts';
import { loadData } from '../../src/data/loadData.ts';

// The code table (docs/codes.md) is generated from schemas/ (npm run docs:codes): regenerated here in memory,
// it must be what the README holds, so a catalog change without `npm run docs:codes` fails.
const readme = readFileSync(`${root}${PAGE}`, 'utf8');
const data = loadData(root);

describe('the code table of docs/codes.md', () => {
  it('is up to date with the catalogs (run npm run docs:codes)', () => {
    const table = codeTable(data);
    expect(readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length)).toBe(table);
    expect(withCodeTable(readme, table)).toBe(readme);
  });

  it('lists every error, warning and result code of every API', () => {
    const table = codeTable(data);
    for (const api of data.apis.values()) {
      for (const code of Object.keys(api.errors)) expect(table).toContain(`| \`${code}\` |`);
      for (const code of Object.keys(api.warnings)) expect(table).toContain(`| \`warning:${code}\` |`);
      for (const code of Object.keys(api.results.results)) expect(table).toContain(`| \`result:${code}\` |`);
    }
    for (const catalog of [...Object.values(data.commonErrors), data.mockErrors]) {
      for (const code of Object.keys(catalog)) expect(table).toContain(`| \`${code}\` |`);
    }
  });

  it('refuses a README without its markers', () => {
    expect(() => withCodeTable('# no table here', codeTable(data))).toThrow(/markers/);
  });
});
