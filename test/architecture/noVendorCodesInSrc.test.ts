import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/loadData.ts';

// Vendor facts are data: no error code of any vendor catalog (nor anything shaped like one) may be
// written as a string in src/. Comments may name codes (they cite the vendor); literals may not.
const root = new URL('../../', import.meta.url).pathname;
const data = loadData(root);
const vendorCodes = new Set<string>([
  ...Object.values(data.commonErrors).flatMap((c) => Object.keys(c)),
  ...[...data.apis.values()].flatMap((api) => Object.keys(api.errors)),
]);
// The families the vendors' codes come in, for a code that no catalog holds yet.
const SHAPED = /^(AuthFailure|FailedOperation|InvalidParameter|InvalidParameterValue|UnknownParameter|MissingParameter|LimitExceeded|ResourceUnavailable|UnauthorizedOperation|RequestLimitExceeded|APIG|APIGW|AIS|ModelArts|IAM)(\.[A-Za-z0-9]+)+$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every string literal and template text of a TypeScript file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const source = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  const out: { text: string; line: number }[] = [];
  const kinds = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail]);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken) kind = scanner.reScanTemplateToken(false);
    if (kinds.has(kind)) out.push({ text: scanner.getTokenValue(), line: source.slice(0, scanner.getTokenStart()).split('\n').length });
  }
  return out;
}

describe('src/ names no vendor error code', () => {
  it('the catalogs hold codes to look for', () => {
    expect(vendorCodes.size).toBeGreaterThan(100);
  });

  it('finds a code written in a string, so the scan can fail', () => {
    const probe = join(root, 'test/architecture/fixtures/literal.ts.txt');
    const found = literals(probe).filter((l) => vendorCodes.has(l.text) || SHAPED.test(l.text));
    expect(found.map((l) => l.text)).toEqual(['AuthFailure.SignatureFailure', 'APIG.0301', 'FailedOperation.Shaped']);
  });

  it('finds none in src/', () => {
    const found = sourceFiles(join(root, 'src')).flatMap((file) =>
      literals(file).filter((l) => vendorCodes.has(l.text) || SHAPED.test(l.text)).map((l) => `${relative(root, file)}:${l.line} ${l.text}`));
    expect(found).toEqual([]);
  });
});
