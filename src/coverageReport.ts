import type { Runtime } from './runtime.ts';
import type { CoverageReport } from './state/coverage.ts';

/** GET /__mock/coverage: every documented outcome of every API of the data in use, and whether this run produced it. */
export function coverageReport(rt: Runtime): CoverageReport {
  return rt.state.coverage.report(rt.data.apis.values(), (provider) => Object.keys(rt.data.commonErrors[provider] ?? {}));
}
