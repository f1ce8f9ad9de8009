import { describe, expect, it } from 'vitest';
import { JOURNAL_BOUND, RSS_GROWTH_LIMIT_MB, runSoak, soakProblems } from '../../bench/soak.ts';

// The short soak (`npm run soak` is the 200,000-call one): the emulator as shipped, in its own process,
// under SOAK_REQUESTS (20,000 by default) mixed calls over every API, front door and signing style,
// the control plane and a share of errors, 8 in flight.
const requests = Number(process.env.SOAK_REQUESTS ?? 20_000);

describe('soak', () => {
  it(`${requests} mixed calls: every answer as expected, RSS within ${RSS_GROWTH_LIMIT_MB} MB of after warm-up, the journal at its bound`, async () => {
    const r = await runSoak({ requests });
    expect(soakProblems(r)).toEqual([]);
    expect(r.journalLength).toBeLessThanOrEqual(JOURNAL_BOUND);
    expect(Object.keys(r.kinds).length).toBeGreaterThanOrEqual(20); // the whole mix was sent
  }, 60_000 + requests * 10);
});
