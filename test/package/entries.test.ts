import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { repoRoot } from './installedPackage.ts';

// The `require` entry (src/index.cts) names each export of the `import` entry (src/index.ts) by hand,
// since its declarations may only reach the ES module through type-only imports: none may be missing.
it('the require entry exports every name of the import entry', () => {
  const { config } = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  const files = ['src/index.ts', 'src/index.cts'].map((f) => join(repoRoot, f));
  const program = ts.createProgram(files, options);
  const checker = program.getTypeChecker();
  const names = (file: string): string[] =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!).map((s) => s.name).sort();
  expect(names(files[1]!)).toEqual(names(files[0]!));
  expect(names(files[0]!)).toContain('startMock');
}, 60_000);
