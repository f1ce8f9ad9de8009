import { MockError } from '../errors.ts';
import { personFor, createRandom, type Person, type Random } from '../identity/index.ts';
import { chinaDate } from '../identity/ymd.ts';
import { makeJpeg } from '../images/makeJpeg.ts';
import { backChecks, frontChecks, isoDate, LONG_TERM } from './idCardChecks.ts';
import { portraitLocation, textLocation, type Placement, type Size } from './cardLayout.ts';
import type { ImageMarkers } from '../images/markers.ts';
import type { ActionHandler } from './types.ts';

type Fields = Record<string, unknown>;

/** The eight alarms (huawei-ocr.md section 2.2): request flag `detect_<k>`, result `detect_<k>_result`, score `<k>_score`. */
export const ALARMS = ['reproduce', 'copy', 'tampering', 'border_integrity', 'blocking_within_border', 'blur', 'interim', 'glare'] as const;

/** An ID-1 card photographed edge to edge, when the image's size is unknown (a URL that is not fetched). */
const DEFAULT_SIZE: Size = { width: 856, height: 540 };

/**
 * RecognizeIdCard (OCR v2): the person in the image, in Huawei's formats. The side is `side`, else
 * the fixture image's `side` marker, else front; `double_side` reads both halves of one photo into
 * `front` and `back`. Verification is computed from what is reported (scenario overrides included);
 * alarms are raised by a scenario's `detect_*_result: true` (true = problem found, including
 * border_integrity: Surprises 13). The router drops whatever the request's flags did not ask for.
 */
export const RecognizeIdCard: ActionHandler = ({ api, params, image, scenario, runtime }) => {
  const side = chooseSide(params.side, image.markers, api.meta.image!.errors.wrongSide!);
  const seed = runtime.config.seed;
  const person = personFor(image.key, seed, new Date(runtime.config.now()));
  const random = createRandom(seed, image.key, 'RecognizeIdCard');
  const today = chinaDate(new Date(runtime.config.now()));
  const size = image.info ?? DEFAULT_SIZE;
  const overrides = (scenario.response.result ?? {}) as Fields;
  if (side !== 'back') runtime.register.remember(person.idNum, person.name);

  const front = (placement: Placement, shown: Fields): Fields => {
    const text = { ...frontText(person), ...shown };
    return {
      ...frontText(person),
      verification_result: frontChecks(text),
      portrait_image: portrait(person),
      portrait_location: portraitLocation(size, placement),
      adjusted_image: adjusted(person, 'front'),
      text_location: textLocation('front', size, placement),
      ...alarms(overrides, random),
    };
  };
  const back = (placement: Placement, shown: Fields): Fields => {
    const text = { ...backText(person), ...shown };
    return {
      ...backText(person),
      verification_result: backChecks(text, today),
      adjusted_image: adjusted(person, 'back'),
      text_location: textLocation('back', size, placement),
      ...alarms(overrides, random),
    };
  };

  if (side === 'double_side') {
    return { result: { front: front('top', nested(overrides.front)), back: back('bottom', nested(overrides.back)) } };
  }
  // Single side: all five verification keys, the other side's false; the back has "" and [] for the portrait (section 2.2, Surprises 12 and 14).
  const none = { valid_number: false, valid_birth: false, valid_sex: false, valid_date: false, valid_validity_period: false };
  const r = side === 'front' ? front('whole', overrides) : { ...back('whole', overrides), portrait_image: '', portrait_location: [] };
  r.verification_result = { ...none, ...(r.verification_result as Fields) };
  return { result: r };
};

/** `side`, else the fixture's marker, else front; a side that contradicts the marker is the vendor's "not this card" error. */
function chooseSide(asked: unknown, markers: ImageMarkers, wrongSide: string): 'front' | 'back' | 'double_side' {
  const marked = typeof markers.side === 'string' ? markers.side.toLowerCase() : undefined;
  if (asked === 'double_side') {
    // Fixture marker `cards=front+front` (or back+back): two cards of the same side in one photo (AIS.0122).
    const cards = typeof markers.cards === 'string' ? markers.cards.toLowerCase().split('+') : [];
    if (cards.length > 1 && new Set(cards).size === 1) throw new MockError('AIS.0122');
    return 'double_side';
  }
  const wanted = asked === 'front' || asked === 'back' ? asked : undefined;
  if (wanted && (marked === 'front' || marked === 'back') && wanted !== marked) throw new MockError(wrongSide);
  return wanted ?? (marked === 'back' ? 'back' : 'front');
}

const frontText = (p: Person): Fields => ({
  name: p.name, sex: p.sex, birth: isoDate(p.birth), ethnicity: p.nation, address: p.address, number: p.idNum,
});

const backText = (p: Person): Fields => ({
  issue: p.authority, valid_from: isoDate(p.validFrom), valid_to: p.validTo === 'long-term' ? LONG_TERM : isoDate(p.validTo),
});

const portrait = (p: Person): string => makeJpeg({ width: 179, height: 220, kind: 'portrait', seed: p.idNum }).toString('base64');
const adjusted = (p: Person, side: string): string =>
  makeJpeg({ width: 428, height: 270, kind: 'card', seed: `${p.idNum}:${side}` }).toString('base64');

const nested = (v: unknown): Fields => (typeof v === 'object' && v !== null ? (v as Fields) : {});

/** Every alarm with its score: a raised alarm scores high, a clear one low (scores are undocumented, 0-100 here). */
function alarms(overrides: Fields, random: Random): Fields {
  const out: Fields = {};
  const scores: Record<string, number> = {};
  const given = nested(overrides.score_info);
  for (const k of ALARMS) {
    const raised = overrides[`detect_${k}_result`] === true;
    out[`detect_${k}_result`] = raised;
    const score = given[`${k}_score`];
    scores[`${k}_score`] = typeof score === 'number' ? score : raised ? random.int(70, 99) : random.int(1, 30);
  }
  return { ...out, score_info: scores };
}
