import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every in-page link of the README (`](#…)`) reaches a heading, as GitHub makes their anchors:
// lower case, punctuation dropped, spaces to hyphens.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const anchor = (heading: string): string => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');

describe('README links', () => {
  it('every #anchor is a heading', () => {
    const headings = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchor(m[1]!)));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !headings.has(l))).toEqual([]);
  });
});
