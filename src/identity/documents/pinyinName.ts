// A Chinese name as a Chinese passport prints it: Hanyu Pinyin in capitals without tones, the surname's
// syllables joined and the given name's joined (ZHANG, XIAOMING), ü written YU (吕 LYU), per the Ministry
// of Public Security's passport spelling rule. pinyin-pro reads surnames with their surname readings (单 SHAN).
import { pinyin } from 'pinyin-pro';

const syllables = (s: string, surname: boolean): string =>
  (pinyin(s, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' }) as string[]).join('').replace(/ü/g, 'yu').replace(/v/g, 'yu').toUpperCase();

export function pinyinName(surname: string, givenName: string): { surname: string; givenName: string } {
  return { surname: syllables(surname, true), givenName: syllables(givenName, false) };
}

/** A province in capitals, its administrative suffix dropped (湖南省 → HUNAN). */
export function pinyinPlace(name: string): string {
  // 陕西 and 山西 read alike without tones; passports and maps spell the first SHAANXI (GB/T 17693.1).
  if (name.startsWith('陕西')) return 'SHAANXI';
  return syllables(name.replace(/(省|市|自治区|壮族|回族|维吾尔|特别行政区)+$/u, ''), false);
}
