import { basename, extname, join, sep } from 'node:path';
import { readDataFiles, type DataFile } from './readDataFiles.ts';

/** The endings of scenario files: JSON, or YAML for people who would rather write comments. */
export const SCENARIO_EXTENSIONS: readonly string[] = ['.json', '.yaml', '.yml'];

/** A scenario file in its place: `<provider>/<service>/<Action>/<name>.json|yaml|yml` below a scenario folder. */
export interface ScenarioFile extends DataFile {
  /** [provider, service, Action]; shorter or longer when the file is not at that depth. */
  folder: string[];
  name: string;
}

/**
 * The scenario files of the emulator's own folder (`root`/scenarios) and then of each user folder, in
 * order: a later folder's file replaces the earlier one of the same provider, service, Action and name
 * (its place in the order stays; `shown` says where the winner is). Two files of one name in one
 * folder (`a.json` and `a.yaml`) are a problem, as it is not clear which one the user means.
 */
export function layerScenarioFiles(root: string, userFolders: readonly string[], problems: string[]): ScenarioFile[] {
  const layers = [
    readDataFiles(join(root, 'scenarios'), problems, { extensions: SCENARIO_EXTENSIONS, shown: (rel) => join('scenarios', rel) }),
    ...userFolders.map((dir) => readDataFiles(dir, problems, { extensions: SCENARIO_EXTENSIONS, shown: (rel) => join(dir, rel) })),
  ];
  const chosen = new Map<string, ScenarioFile>();
  for (const files of layers) {
    const inLayer = new Map<string, ScenarioFile>();
    for (const f of files) {
      const parts = f.rel.split(sep);
      const file: ScenarioFile = { ...f, folder: parts.slice(0, -1), name: basename(f.rel, extname(f.rel)) };
      const key = [...file.folder, file.name].join('/');
      const twin = inLayer.get(key);
      if (twin) {
        problems.push(`${f.shown}: the scenario ${file.name} is also ${twin.shown}; keep one of the two files`);
        continue;
      }
      inLayer.set(key, file);
      chosen.set(key, file);
    }
  }
  return [...chosen.values()];
}
