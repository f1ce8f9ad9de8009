import { createRandom, type Person, type Random } from '../../../identity/index.ts';
import type { YMD } from '../../../identity/ymd.ts';
import { LONG_TERM } from '../../../identity/idCardChecks.ts';
import { portraitLocation, textLocation, type Quad, type Size } from '../../../identity/cardLayout.ts';
import { warningGate } from '../../../pipeline/warningGate.ts';
import { markedSide } from '../../../images/markers.ts';
import { warningCodes } from '../../../data/warningCodes.ts';
import type { ActionHandler } from '../../../actions/types.ts';
import type { ApiDefinition } from '../../../data/types.ts';

type Fields = Record<string, unknown>;

/** An ID-1 card photographed edge to edge, when the image's size is unknown (a URL that is not fetched). */
const DEFAULT_SIZE: Size = { width: 856, height: 540 };
/** The version string the service reports (api-docs.json responseDemo shape: 40 hex digits). */
const algoVersion = (random: Random): string => Array.from({ length: 40 }, () => random.int(0, 15).toString(16)).join('');

/**
 * RecognizeIdcard: the person in the image (the same personFor as every vendor's OCR), on the side
 * the image shows: `face` (portrait side) unless the fixture marks the back or the scenario
 * overrides only `back`. `Data` is built as an object; the pipeline serialises it, as the vendor
 * sends it as JSON text. The quality checks (`warning`) only with OutputQualityInfo, the portrait
 * (`figure`) only with OutputFigure (api-docs.json).
 */
export const RecognizeIdcard: ActionHandler = async (input) => {
  const { api, params, image, scenario, seed } = input;
  const rules = api.meta.image!;
  // "二选一，不可同时传" (api-docs.json Url and body): the vendor's answer to both is not documented; the body is read, and said so.
  if (params[rules.url] !== undefined && params[rules.base64] !== undefined) scenario.notices.push(`${api.meta.action}: both ${rules.url} and the body were sent, which the vendor does not allow; the body was read`);
  const overrides = nested(nested(nested(scenario.response).Data).data);
  const back = markedSide(image.markers) === 'back' || (overrides.back !== undefined && overrides.face === undefined);
  const person = input.person();
  const random = createRandom(seed, image.key, api.meta.action);
  const size = image.info ?? DEFAULT_SIZE;
  if (!back) await input.register.remember(person.idNum, person.name);
  const text = back ? backText(person) : faceText(person);
  const boxes = textLocation(back ? 'back' : 'front', size, 'whole');
  const where: Record<string, Quad | undefined> = back
    ? { issueAuthority: boxes.issue, validPeriod: boxes.valid_from && boxes.valid_to && [boxes.valid_from[0], boxes.valid_to[1], boxes.valid_to[2], boxes.valid_from[3]] }
    : { name: boxes.name, sex: boxes.sex, ethnicity: boxes.ethnicity, birthDate: boxes.birth, address: boxes.address, idNumber: boxes.number };
  const present = scenario.warnings.filter((code) => warningGate(api, code, params) === undefined);
  const version = algoVersion(random);
  const side: Fields = {
    algo_version: version,
    angle: 0,
    data: text,
    ftype: shows(api, present, 'copy') ? 1 : 0,
    height: size.height, width: size.width, orgHeight: size.height, orgWidth: size.width,
    prism_keyValueInfo: Object.entries(text).map(([key, value]) => ({
      key, keyProb: 100, value, valuePos: points(where[key] ?? [[0, 0], [0, 0], [0, 0], [0, 0]]), valueProb: random.int(95, 100),
    })),
    sliceRect: { x0: 0, y0: 0, x1: size.width, y1: 0, x2: size.width, y2: size.height, x3: 0, y3: size.height },
  };
  if (params.OutputQualityInfo === true) side.warning = qualityWarning(api, present, random);
  if (params.OutputFigure === true && !back) {
    const [[x0, y0], , [x2, y2]] = portraitLocation(size, 'whole');
    side.figure = [{ type: 'face', x: x0, y: y0, w: x2 - x0, h: y2 - y0, box: { x: (x0 + x2) / 2, y: (y0 + y2) / 2, w: x2 - x0, h: y2 - y0, angle: 0 }, points: points(portraitLocation(size, 'whole')) }];
  }
  return {
    Data: { algo_version: version, data: { [back ? 'back' : 'face']: side }, height: size.height, width: size.width, orgHeight: size.height, orgWidth: size.width },
  };
};

const faceText = (p: Person): Fields => ({
  name: p.name, sex: p.sex, ethnicity: p.nation, birthDate: chineseDate(p.birth), address: p.address, idNumber: p.idNum,
});

/** The printed term, `2010.03.15-2030.03.15` or `…-长期` (the back's 有效期限 line). */
const backText = (p: Person): Fields => ({
  issueAuthority: p.authority,
  validPeriod: `${dotted(p.validFrom)}-${p.validTo === 'long-term' ? LONG_TERM : dotted(p.validTo)}`,
});

/** `1986年1月9日`: no zero padding (api-docs.json responseDemo). */
const chineseDate = (d: YMD): string => `${d.year}年${d.month}月${d.day}日`;
const dotted = (d: YMD): string => `${d.year}.${String(d.month).padStart(2, '0')}.${String(d.day).padStart(2, '0')}`;
const points = (q: Quad): { x: number; y: number }[] => q.map(([x, y]) => ({ x, y }));
const nested = (v: unknown): Fields => (typeof v === 'object' && v !== null ? (v as Fields) : {});
/** Whether one of the warnings present is `name` (a shared name: copy, reshoot, ps, blur, border). */
const shows = (api: ApiDefinition, present: string[], name: string): boolean => warningCodes(api, name).some((c) => present.includes(c));

/** The quality checks: a present condition (warnings.json) flags or scores past its threshold, a clear one stays well clear. */
function qualityWarning(api: ApiDefinition, present: string[], random: Random): Fields {
  const has = (name: string): boolean => shows(api, present, name);
  return {
    isCopy: has('copy') ? 1 : 0,
    isReshoot: has('reshoot') ? 1 : 0,
    completenessScore: has('border') ? random.int(20, 59) : random.int(90, 100),
    qualityScore: has('blur') ? random.int(20, 59) : random.int(80, 100),
    tamperScore: has('ps') ? random.int(60, 99) : random.int(0, 30),
  };
}
