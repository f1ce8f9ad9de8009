// The package entry for `require` (package.json `exports`). Node ≥ 20.19 could require() the ES module
// entry (src/index.ts) itself, but the tools that run CommonJS TypeScript by compiling each required
// file (tsx in CommonJS mode, ts-node) would turn the emulator's ES modules into require() calls too,
// and some of its dependencies export only `import` (json-schema-faker: ERR_PACKAGE_PATH_NOT_EXPORTED).
// So this entry loads the emulator with import(), which they leave as it is; startMock is async anyway.
// WELL_KNOWN comes from a module with no imports, which require() loads the same either way.
import type * as esm from './index.ts';

export type { Mock, MockOptions, MockClock, MockJournalFilter, BindingInput, Config, AuthMode, Credentials, JournalEntry, Binding, CoverageReport } from './index.ts';
export { WELL_KNOWN } from './wellKnown.ts';

export const startMock: typeof esm.startMock = async (options) => (await import('./index.ts')).startMock(options);
