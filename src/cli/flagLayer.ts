import { textLayer, integerOrText, type Layer, type TextSetting } from './Layer.ts';
import { SETTINGS } from './settings.ts';
import type { FlagOption, Flags } from './readFlags.ts';

/** The parseArgs options of the settings: booleans are switches (`--tls`, `--no-rate-limit`), the rest take a value; a list's flag repeats. */
export const SETTING_FLAGS: readonly FlagOption[] = SETTINGS.map((s) => ({ name: s.flag.slice(2), type: s.kind === 'boolean' ? 'boolean' : 'string', multiple: s.kind === 'list' }));

/** The settings given as flags. */
export function flagLayer(flags: Flags): Layer {
  const entries: TextSetting[] = [];
  for (const spec of SETTINGS) {
    const list = flags.lists.get(spec.flag.slice(2));
    if (list) entries.push({ spec, name: spec.flag, text: list.join(' '), value: list });
    const given = flags.values.get(spec.flag.slice(2));
    if (given === undefined) continue;
    if (given === true) entries.push({ spec, name: spec.flag, text: spec.flag, value: !spec.negated });
    else entries.push({ spec, name: spec.flag, text: given, value: spec.kind === 'integer' ? integerOrText(given) : given });
  }
  return textLayer(entries, []);
}
