import { dirname, resolve } from 'node:path';
import { isFolder } from './isFolder.ts';

/**
 * What is wrong with the folders the settings name, checked before anything starts: a mistyped
 * scenario folder would otherwise just add no scenarios, a coverage file's missing folder fail at exit.
 * `name` says how the user wrote the setting (`--scenarios`, `IDCARD_MOCK_SCENARIOS`, startMock's `scenarios`).
 */
export function settingPathProblems(s: { scenarios: readonly string[]; coverageOut: string | undefined }, name: (key: 'scenarios' | 'coverageOut') => string): string[] {
  return [
    ...s.scenarios.flatMap((d) => (isFolder(d) ? [] : [`${name('scenarios')} ${d}: no such folder`])),
    ...(s.coverageOut !== undefined && !isFolder(dirname(resolve(s.coverageOut))) ? [`${name('coverageOut')} ${s.coverageOut}: its folder does not exist`] : []),
  ];
}
