// The package entry for `require` (package.json `exports`). Node ≥ 20.19 could require() the ES module
// entry (src/index.ts) itself, but the tools that run CommonJS TypeScript by compiling each required
// file (tsx in CommonJS mode, ts-node) would turn the emulator's ES modules into require() calls too,
// and some of its dependencies export only `import` (json-schema-faker: ERR_PACKAGE_PATH_NOT_EXPORTED).
// So this entry loads the emulator with import(), which they leave as it is; startMock is async anyway.
// WELL_KNOWN comes from a module that imports node:fs and node:path only, which require() loads the same either way.
//
// Its declarations (dist/index.d.cts) name the ES entry's types through a type-only import with
// `resolution-mode`, and declare the values with their types: with `module: node16`, TypeScript
// refuses any other reference from a CommonJS declaration file to an ES module.
import type * as esm from './index.ts' with { 'resolution-mode': 'import' };
import { join } from 'node:path';
import { wellKnownIn } from './wellKnown.ts';

export type Mock = esm.Mock;
export type MockOptions = esm.MockOptions;
export type MockClock = esm.MockClock;
export type MockJournalFilter = esm.MockJournalFilter;
export type BindingInput = esm.BindingInput;
export type Config = esm.Config;
export type AuthMode = esm.AuthMode;
export type Credentials = esm.Credentials;
export type JournalEntry = esm.JournalEntry;
export type Binding = esm.Binding;
export type CoverageReport = esm.CoverageReport;

// This file is dist/index.cjs once built: the package root is the folder above it, as for dist/index.js.
export const WELL_KNOWN: typeof esm.WELL_KNOWN = wellKnownIn(join(__dirname, '..'));

export const startMock: typeof esm.startMock = async (options) => (await import('./index.ts')).startMock(options);
