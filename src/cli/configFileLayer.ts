import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDataText } from '../data/parseDataText.ts';
import type { Layer } from './Layer.ts';
import type { SettingKey } from './settings.ts';
import { settingProblems } from './settingProblems.ts';

/** Settings whose value is a path: relative to the config file's folder, so a config works from any directory. */
const PATHS: readonly SettingKey[] = ['credentials', 'tlsDir', 'scenarios', 'coverageOut'];

/**
 * The --config file: JSON when it ends in .json, YAML otherwise. Every unknown key and wrong value is
 * reported, each as `FILE: key …` with the file as the user named it. `namedBy` (`--config` or
 * `IDCARD_MOCK_CONFIG`) names who pointed at a file that cannot be read.
 */
export function configFileLayer(file: string, namedBy: string): Layer {
  const layer: Layer = { values: {}, names: {}, problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    layer.problems.push(`${namedBy} ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return layer;
  }
  const parsed = parseDataText(file, text);
  if ('problems' in parsed) {
    layer.problems.push(...parsed.problems.map((p) => `${file}: ${p}`));
    return layer;
  }
  // An empty YAML file is null: no settings, not a wrong type.
  const value = parsed.value ?? {};
  layer.problems.push(...settingProblems(
    value,
    (key) => `${file}: ${key ? `${key} ` : ''}`,
    (key, nearest) => `${file}: unknown key ${key}${nearest}; idcard-mock --help lists the keys`,
  ));
  if (layer.problems.length) return layer;
  const { $schema: _editorHint, ...settings } = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(settings) as [SettingKey, unknown][]) {
    const path = (p: string): string => resolve(dirname(file), p);
    Object.assign(layer.values, { [key]: !PATHS.includes(key) ? v : Array.isArray(v) ? v.map(path) : path(v as string) });
    layer.names[key] = `${file}: ${key}`;
  }
  return layer;
}
