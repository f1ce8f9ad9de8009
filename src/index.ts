// The package entry for `import` (package.json `exports`; src/index.cts is the one for `require`):
// the in-process emulator for tests and the well-known credentials it always accepts. Everything
// else under src/ is internal. The exported types reach no module of a devDependency (@types/express
// and the like), so a consumer type-checks without them: test/package checks it.
export { startMock } from './startMock.ts';
export type { Mock, MockOptions, MockClock, MockJournalFilter, BindingInput } from './startMock.ts';
import { wellKnownIn } from './wellKnown.ts';
import { packageRoot } from './packageRoot.ts';

/** Per provider, the credentials the emulator always checks fully (`WELL_KNOWN.tencent.secretId`, …): schemas/<provider>/provider.json `testCredentials`. */
export const WELL_KNOWN = wellKnownIn(packageRoot);
export type { Config, AuthMode, Credentials } from './config.ts';
export type { JournalEntry } from './state/journal.ts';
export type { Binding } from './state/bindings.ts';
export type { CoverageReport } from './state/coverage.ts';
