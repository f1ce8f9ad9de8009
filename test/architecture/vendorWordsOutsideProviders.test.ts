import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/loadData.ts';

// A vendor is one folder: src/providers/<vendor>/ plus its data. Shared code names no vendor, no
// vendor header, no vendor action: in code (identifiers and strings), not in comments, which cite the
// vendors' documents. The signing schemes (src/signing/) are each a vendor's by nature and are allowed
// their headers. The words come from the data, so a new vendor is covered the day it lands.
const root = new URL('../../', import.meta.url).pathname;
const data = loadData(root);
const providers = Object.values(data.providers);
const WORDS = [...new Set([
  ...providers.map((f) => f.provider),
  ...providers.flatMap((f) => [...Object.keys(f.match.headers ?? {}), ...(f.secretHeaders ?? [])]),
  ...[...data.apis.values()].map((api) => api.meta.action),
  // Header families of the vendors' wire protocols.
  'x-tc-', 'x-sdk-', 'x-acs-', 'x-auth-token',
].map((w) => w.toLowerCase()))];
const REGISTRATION = 'src/providers/registered.ts';
const EXEMPT = [...providers.map((f) => `src/providers/${f.provider}/`), 'src/signing/', REGISTRATION];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every identifier, string literal and template text of a TypeScript file, with its line: the code, not its comments. */
function tokens(source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile('scanned.ts', source, ts.ScriptTarget.Latest, true);
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      out.push({ text: node.text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

const vendorWordsIn = (source: string): string[] => tokens(source).flatMap((t) => WORDS.filter((w) => t.text.toLowerCase().includes(w)).map((w) => `${t.line} ${w} (in ${t.text.slice(0, 60)})`));

describe('a vendor is one folder', () => {
  it('the words to look for come from every provider in the data', () => {
    expect(providers.length).toBeGreaterThanOrEqual(2);
    for (const f of providers) expect(WORDS).toContain(f.provider);
  });

  it('finds a vendor word in code and not in a comment, so the scan can fail', () => {
    const name = providers[0]!.provider;
    expect(vendorWordsIn(`// ${name} is cited here\nconst x = '${name}';\nconst ${name}Thing = 1;`)).toEqual([
      `2 ${name} (in ${name})`, `3 ${name} (in ${name}Thing)`,
    ]);
  });

  it('no file outside the provider folders (and the signing schemes) names a vendor in its code', () => {
    const found = sourceFiles(join(root, 'src'))
      .filter((file) => !EXEMPT.some((dir) => relative(root, file).startsWith(dir)))
      .flatMap((file) => vendorWordsIn(readFileSync(file, 'utf8')).map((w) => `${relative(root, file)}:${w}`));
    expect(found).toEqual([]);
  });

  it('registering a vendor is one line: an export of its folder\'s provider', () => {
    const lines = readFileSync(join(root, REGISTRATION), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('//'));
    expect(lines.sort()).toEqual(providers.map((f) => `export { ${f.provider} } from './${f.provider}/index.ts';`).sort());
  });
});
