import { checkSettings, describeProblem, settingOf, SETTINGS, type SettingKey } from './settings.ts';
import { didYouMean } from './didYouMean.ts';

/**
 * The config schema's complaints about an object of settings, one line per key: an unknown key with
 * the nearest setting, a wrong value with what it must be and what it is. `name` says how the user
 * wrote a setting (`config.yaml: port`, or startMock's `huaweiRateLimitPerMinute`); `unknownKey` the
 * line for a key that is no setting. A --config file and startMock's options obey the same rule.
 */
export function settingProblems(value: unknown, name: (key: SettingKey | '') => string, unknownKey: (key: string, nearest: string) => string): string[] {
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const error of checkSettings(value)) {
    const key = settingOf(error) as SettingKey | '';
    if (error.keyword === 'additionalProperties') {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      problems.push(unknownKey(extra, didYouMean(extra, SETTINGS.map((s) => s.key))));
    } else if (!reported.has(key)) {
      // One line per key: a wrong type also fails the keys' other rules, which would only repeat it.
      reported.add(key);
      const got = key ? `, got ${JSON.stringify((value as Record<string, unknown>)[key])}` : '';
      problems.push(`${name(key)}${describeProblem(error)}${got}`);
    }
  }
  return problems;
}
