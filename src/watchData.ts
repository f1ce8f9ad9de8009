import { existsSync, watch } from 'node:fs';
import { extname, join } from 'node:path';
import { reloadData, type Runtime } from './runtime.ts';
import { SCENARIO_EXTENSIONS } from './data/layerScenarioFiles.ts';
import type { Config } from './config.ts';

/** What the watcher reports; the CLI prints it (only src/cli.ts writes to the terminal). */
export interface WatchEvents {
  /** The new data is in use; `changed`: the paths whose change set the reload off. */
  reloaded(changed: string[]): void;
  /** The new data has problems, so the last good data stays in use. */
  rejected(problems: string[], changed: string[]): void;
  /** A folder can no longer be watched (it was removed, or the system ran out of watches). */
  failed(folder: string, error: Error): void;
}

export interface DataWatcher { close(): void }

/** The folders --watch watches: the emulator's own scenarios/ and the user's --scenarios folders. */
function scenarioFolders(config: Config): string[] {
  return [join(config.dataDir, 'scenarios'), ...config.scenarioDirs];
}

/**
 * Reloads the data (reloadData) when a file below a scenario folder changes. An editor's save is a burst
 * of events (write, rename, chmod) and a `git checkout` many at once, so a reload waits until the
 * folders have been quiet for `debounceMs`. Node's recursive fs.watch on Linux (≥ 20.19 here) watches
 * every folder and file below, new ones included. Close it to stop; it does not keep the process alive.
 */
export function watchData(rt: Runtime, events: WatchEvents, debounceMs = 150): DataWatcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const reload = (): void => {
    timer = undefined;
    const paths = [...changed];
    changed.clear();
    const problems = reloadData(rt);
    if (problems.length) events.rejected(problems, paths);
    else events.reloaded(paths);
  };
  const watchers = scenarioFolders(rt.config).filter((folder) => existsSync(folder)).map((folder) => {
    const watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
      // Editors' swap and backup files (x.json.swp, x.yaml~) are not data; a name without an ending may be a folder.
      if (name && extname(name) && !SCENARIO_EXTENSIONS.includes(extname(name).toLowerCase())) return;
      changed.add(name ? join(folder, name) : folder);
      clearTimeout(timer);
      timer = setTimeout(reload, debounceMs);
      timer.unref();
    });
    watcher.on('error', (e) => events.failed(folder, e));
    return watcher;
  });
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
