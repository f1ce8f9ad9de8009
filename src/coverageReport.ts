import type { Runtime } from './runtime.ts';
import { reportCoverage, type CoverageReport } from './state/coverage.ts';

/** GET /__mock/coverage: every documented outcome of every API of the data in use, and whether this run produced it. */
export async function coverageReport(rt: Runtime): Promise<CoverageReport> {
  return reportCoverage(await rt.state.coverage.seen(), rt.data.apis.values(), (provider) => Object.keys(rt.data.commonErrors[provider] ?? {}));
}
