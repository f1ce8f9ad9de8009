/**
 * What the user typed is wrong (a flag, an IDCARD_MOCK_* variable, a config file key): one line per
 * problem, each naming what was typed, all of them at once; the CLI exits with code 2.
 */
export class UsageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
