// A few real 镇/乡 names per division (from the same NBS source as divisions.json),
// so rural addresses read like real ones: '河北省石家庄市赵县沙河店镇北王村12号'.
import { loadJson } from './loadJson.ts';

// Read with the first address made: 230 KB of JSON that a start need not parse before it answers.
let raw: Record<string, string> | undefined;
const cache = new Map<string, readonly string[]>();

/** Towns of a division; empty for purely urban districts. */
export function townsOf(code: string): readonly string[] {
  let list = cache.get(code);
  if (!list) {
    raw ??= loadJson('towns.json') as Record<string, string>;
    const joined = raw[code];
    list = Object.freeze(joined ? joined.split(',') : []);
    cache.set(code, list);
  }
  return list;
}
