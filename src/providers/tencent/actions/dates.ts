import type { YMD } from '../../../identity/index.ts';

/** IDCardOCR Birth: `1987/1/1`, no zero padding (tccli examples.json). */
export const slashDate = (d: YMD): string => `${d.year}/${d.month}/${d.day}`;

const dotted = (d: YMD): string => `${d.year}.${String(d.month).padStart(2, '0')}.${String(d.day).padStart(2, '0')}`;

/** IDCardOCR ValidDate: `2018.08.12-2038.08.12`, or `…-长期` for a card valid for life. */
export function validDate(from: YMD, to: YMD | 'long-term'): string {
  return `${dotted(from)}-${to === 'long-term' ? '长期' : dotted(to)}`;
}

/** RecognizeMacaoIDCardOCR dates: `22-04-1997`, DD-MM-YYYY (https://www.tencentcloud.com/document/api/1005/62724, tccli-intl examples.json). */
export const dashDate = (d: YMD): string =>
  `${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}-${String(d.year).padStart(4, '0')}`;

/** RecognizeValidIDCardOCR Birth: `1995年5月13日`, no zero padding (tccli examples.json RecognizeValidIDCardOCR). */
export const chineseDate = (d: YMD): string => `${d.year}年${d.month}月${d.day}日`;
