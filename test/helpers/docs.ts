import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);

/** The text of README.md or of a page of docs/ (`docs/scenarios.md`), as a user reads it. */
export const docText = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** README.md and every page of docs/, each with its path from the repository root. */
export function allDocs(): { path: string; text: string }[] {
  const pages = readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`);
  return ['README.md', ...pages].map((path) => ({ path, text: docText(path) }));
}

/** README.md and the pages of docs/ as one text, for a promise that may be kept on any page (a flag named, a block shown). */
export const allDocsText = (): string => allDocs().map((d) => d.text).join('\n');
