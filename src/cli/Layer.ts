import { checkSettings, describeProblem, settingOf, type SettingKey, type SettingSpec, type Settings } from './settings.ts';

/** Settings from one source (config file, environment or flags), with the words that name each in an error. */
export interface Layer {
  values: Partial<Settings>;
  /** `--port`, `IDCARD_MOCK_PORT` or `config.yaml: port`: what the user typed, for later errors (an unreadable credentials file). */
  names: Partial<Record<SettingKey, string>>;
  problems: string[];
}

export interface TextSetting { spec: SettingSpec; name: string; text: string; value: unknown }

/**
 * A layer from text the user typed (flags or variables), already converted to the setting's type
 * where it could be; the config schema judges the values, so a flag and a config key obey one rule.
 * `earlier` holds the problems the caller found while converting; they come first.
 */
export function textLayer(entries: readonly TextSetting[], earlier: readonly string[]): Layer {
  const problems = [...earlier];
  const layer: Layer = { values: {}, names: {}, problems };
  const candidate: Record<string, unknown> = {};
  for (const e of entries) candidate[e.spec.key] = e.value;
  const bad = new Set<string>();
  for (const error of checkSettings(candidate)) {
    const key = settingOf(error);
    const entry = entries.find((e) => e.spec.key === key);
    if (!entry || bad.has(key)) continue;
    bad.add(key);
    problems.push(`${entry.name} ${describeProblem(error)}, got ${JSON.stringify(entry.text)}`);
  }
  for (const e of entries) {
    if (bad.has(e.spec.key)) continue;
    Object.assign(layer.values, { [e.spec.key]: e.value });
    layer.names[e.spec.key] = e.name;
  }
  return layer;
}

/** An integer setting's text as a number when it is one; anything else stays text for the schema to refuse. */
export function integerOrText(text: string): unknown {
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : text;
}
