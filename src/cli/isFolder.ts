import { statSync } from 'node:fs';

/** Whether `path` is a folder (following links); false when it is missing or a file. */
export function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
