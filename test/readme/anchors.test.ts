import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDocs } from '../helpers/docs.ts';

// Every link of the README and of docs/ that stays in the repository reaches something: a file that
// exists, and for `#anchor` (on the same page or another) a heading of that page, as GitHub makes their
// anchors: lower case, punctuation dropped, spaces to hyphens. A moved section breaks no link unnoticed.
const root = new URL('../../', import.meta.url).pathname;
const anchor = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
const pages = allDocs();

/** The headings of a page outside its code blocks (a `# comment` in a shell block is no heading). */
function headingsOf(text: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) out.add(anchor(line.replace(/^#+ /, '')));
  }
  return out;
}

const headings = new Map(pages.map((p) => [p.path, headingsOf(p.text)]));

describe('links of the README and docs/', () => {
  it('every page has links, and the README links every page of docs/', () => {
    const readme = pages.find((p) => p.path === 'README.md')!.text;
    for (const p of pages.filter((x) => x.path !== 'README.md' && x.path !== 'docs/alibaba-wire.md')) expect(readme, p.path).toContain(`](${p.path})`);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s: every link in the repository reaches a file, every #anchor a heading', (_path, page) => {
    const links = [...page.text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^(https?:|mailto:)/.test(l));
    const broken = links.filter((link) => {
      const [file, hash] = link.split('#') as [string, string | undefined];
      const target = file === '' ? page.path : normalize(join(dirname(page.path), file));
      if (!existsSync(join(root, target))) return true;
      return hash !== undefined && !headings.get(target)?.has(hash);
    });
    expect(broken).toEqual([]);
  });
});
