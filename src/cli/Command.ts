import type { Config } from '../config.ts';

/**
 * What a command line asks for, decided before anything starts. A new command adds its case here, its entry in COMMANDS (parseCommandLine.ts) and its branch in src/cli.ts.
 */
export type Command =
  | { name: 'help'; text: string }
  | { name: 'version'; version: string }
  /** Serve until a signal; HTTPS with the certificate kept in tlsDir when it is set; reload changed scenario files with `watch`. */
  | { name: 'start'; config: Config; tlsDir: string | undefined; watch: boolean; warnings: string[] }
  /** Load and check the data root (schemas/, scenarios/, keys/) and the user's scenario folders; `dir` is as the user typed it. */
  | { name: 'validate'; dataDir: string; scenarioDirs: readonly string[]; dir: string | undefined }
  /** Write the fixture images of every API's outcomes, and index.json, to `out`. */
  | { name: 'fixtures'; out: string; seed: string | undefined };
