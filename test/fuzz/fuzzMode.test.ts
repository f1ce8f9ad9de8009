import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// `npm run fuzz` (vitest --mode fuzz) promises the concurrent fuzz's 5,000 cases, and test:slow 300: the
// case count is in the test's name, so vitest's own listing shows which one a command would run. Under
// vitest projects the mode once stopped reaching the workers, and the 5,000 silently became 300.
const root = new URL('../../', import.meta.url).pathname;
/** The environment without the overrides of the case count and the clients. */
const { FUZZ_RUNS: _runs, FUZZ_CLIENTS: _clients, ...env } = process.env;
const listed = async (...args: string[]): Promise<string> =>
  (await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'list', 'test/fuzz/concurrent.fuzz.test.ts', ...args], { cwd: root, env })).stdout;

describe('the fuzz modes', () => {
  it('--mode fuzz lists the 5,000-case concurrent fuzz; without it, 300', async () => {
    expect(await listed('--mode', 'fuzz')).toMatch(/> 5000 cases over 4 clients at once/);
    expect(await listed()).toMatch(/> 300 cases over 4 clients at once/);
  }, 60_000);
});
