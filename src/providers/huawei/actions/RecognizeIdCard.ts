import { MockError, roleError } from '../../../errors.ts';
import { createRandom, type Person, type Random } from '../../../identity/index.ts';
import { chinaDate } from '../../../identity/ymd.ts';
import { crop } from '../../../actions/crop.ts';
import { backChecks, frontChecks, isoDate, LONG_TERM } from '../../../identity/idCardChecks.ts';
import { portraitLocation, textLocation, type Placement, type Size } from '../../../identity/cardLayout.ts';
import { markedSide, type ImageMarkers } from '../../../images/markers.ts';
import type { ActionHandler } from '../../../actions/types.ts';
import type { ApiDefinition } from '../../../data/types.ts';

type Fields = Record<string, unknown>;

/**
 * The alarms, read from the request schema: flag `detect_<k>`, result `detect_<k>_result`, score
 * `<k>_score` (huaweicloudsdkocr id_card_request_body.py, idcard_score_info_result.py).
 */
export const alarmsOf = (api: ApiDefinition): string[] =>
  Object.keys(api.request.properties ?? {}).filter((k) => k.startsWith('detect_')).map((k) => k.slice('detect_'.length));

/** An ID-1 card photographed edge to edge, when the image's size is unknown (a URL that is not fetched). */
const DEFAULT_SIZE: Size = { width: 856, height: 540 };

/**
 * RecognizeIdCard (OCR v2): the person in the image, in Huawei's formats. The side is `side`, else
 * the fixture image's `side` marker, else front; `double_side` reads both halves of one photo into
 * `front` and `back`. Verification is computed from what is reported (scenario overrides included);
 * alarms are raised by a scenario's `detect_*_result: true` (true = problem found, including
 * border_integrity). Only what the request's flags ask for is computed (the response schema's `x-when`,
 * through `wanted`); the lifecycle drops the rest of a scenario's overrides the same way.
 */
export const RecognizeIdCard: ActionHandler = async (input) => {
  const { api, params, image, scenario, seed, now, register, wanted } = input;
  const side = chooseSide(params.side, image.markers, api.meta.image!.errors.wrongSide!);
  const person = input.person();
  const today = chinaDate(new Date(now));
  const size = image.info ?? DEFAULT_SIZE;
  const overrides = (scenario.response.result ?? {}) as Fields;
  const places = side === 'double_side' ? [pathsAt(api, 'result.front'), pathsAt(api, 'result.back')] : [pathsAt(api, 'result')];
  // The alarms are all computed or none: their scores are drawn in turn (front before back), so a score
  // is the same whichever others the request asks for.
  const random = places.some((p) => p.alarms.some(wanted)) ? createRandom(seed, image.key, api.meta.action) : undefined;
  if (side !== 'back') await register.remember(person.idNum, person.name);

  /** One side's fields, in the order the answer lists them; `at` has the paths of its fields in the answer. */
  const read = (which: 'front' | 'back', at: SidePaths, placement: Placement, shown: Fields): Fields => {
    const want = (field: OptionalField): boolean => wanted(at.fields[field]);
    const text = which === 'front' ? frontText(person) : backText(person);
    const out: Fields = { ...text };
    if (want('verification_result')) out.verification_result = which === 'front' ? frontChecks({ ...text, ...shown }) : backChecks({ ...text, ...shown }, today);
    if (which === 'front') {
      if (want('portrait_image')) out.portrait_image = crop(api, 'portrait', person.idNum);
      if (want('portrait_location')) out.portrait_location = portraitLocation(size, placement);
    }
    if (want('adjusted_image')) out.adjusted_image = crop(api, 'card', `${person.idNum}:${which}`);
    if (want('text_location')) out.text_location = textLocation(which, size, placement);
    if (random) Object.assign(out, raisedAlarms(alarmsOf(api), overrides, scenario.warnings, random));
    return out;
  };

  if (side === 'double_side') {
    return { result: { front: read('front', places[0]!, 'top', nested(overrides.front)), back: read('back', places[1]!, 'bottom', nested(overrides.back)) } };
  }
  const r = read(side, places[0]!, 'whole', overrides);
  // Single side: all five verification keys, the other side's false; the back has "" and [] for the portrait (RecognizeIdCard API page, https://support.huaweicloud.com/intl/en-us/api-ocr/ocr_03_0045.html).
  if (side === 'back') Object.assign(r, { portrait_image: '', portrait_location: [] });
  if (r.verification_result !== undefined) {
    const none = { valid_number: false, valid_birth: false, valid_sex: false, valid_date: false, valid_validity_period: false };
    r.verification_result = { ...none, ...(r.verification_result as Fields) };
  }
  return { result: r };
};

const OPTIONAL_FIELDS = ['verification_result', 'portrait_image', 'portrait_location', 'adjusted_image', 'text_location'] as const;
type OptionalField = typeof OPTIONAL_FIELDS[number];
/** The dot paths `wanted` is asked about for one side: its optional fields, and its alarms' results and scores. */
interface SidePaths { fields: Record<OptionalField, string>; alarms: string[] }
const sidePaths = new WeakMap<ApiDefinition, Map<string, SidePaths>>();

/** The paths of a side's fields, where `at` puts the side in the answer; made once per API, not on every request. */
function pathsAt(api: ApiDefinition, at: string): SidePaths {
  let byPlace = sidePaths.get(api);
  if (!byPlace) sidePaths.set(api, (byPlace = new Map()));
  let paths = byPlace.get(at);
  if (!paths) {
    paths = {
      fields: Object.fromEntries(OPTIONAL_FIELDS.map((f) => [f, `${at}.${f}`])) as Record<OptionalField, string>,
      alarms: alarmsOf(api).flatMap((k) => [`${at}.detect_${k}_result`, `${at}.score_info.${k}_score`]),
    };
    byPlace.set(at, paths);
  }
  return paths;
}

/** `side`, else the fixture's marker, else front; a side that contradicts the marker is the vendor's "not this card" error. */
function chooseSide(asked: unknown, markers: ImageMarkers, wrongSide: string): 'front' | 'back' | 'double_side' {
  const marked = markedSide(markers);
  if (asked === 'double_side') {
    // Fixture marker `cards=front+front` (or back+back): two cards of the same side in one photo (AIS.0122).
    const cards = typeof markers.cards === 'string' ? markers.cards.toLowerCase().split('+') : [];
    if (cards.length > 1 && new Set(cards).size === 1) throw roleError('sameSideTwice');
    return 'double_side';
  }
  const wanted = asked === 'front' || asked === 'back' ? asked : undefined;
  if (wanted && marked && wanted !== marked) throw MockError.code(wrongSide);
  return wanted ?? (marked === 'back' ? 'back' : 'front');
}

const frontText = (p: Person): Fields => ({
  name: p.name, sex: p.sex, birth: isoDate(p.birth), ethnicity: p.nation, address: p.address, number: p.idNum,
});

const backText = (p: Person): Fields => ({
  issue: p.authority, valid_from: isoDate(p.validFrom), valid_to: p.validTo === 'long-term' ? LONG_TERM : isoDate(p.validTo),
});

const nested = (v: unknown): Fields => (typeof v === 'object' && v !== null ? (v as Fields) : {});

/** Every alarm with its score: raised by the scenario's warnings (warnings.json: the alarm names) or a pinned `detect_*_result`; a raised alarm scores high, a clear one low (scores are undocumented, 0-100 here). */
function raisedAlarms(alarms: string[], overrides: Fields, present: string[], random: Random): Fields {
  const out: Fields = {};
  const scores: Record<string, number> = {};
  const given = nested(overrides.score_info);
  for (const k of alarms) {
    const raised = overrides[`detect_${k}_result`] === true || present.includes(k);
    out[`detect_${k}_result`] = raised;
    const score = given[`${k}_score`];
    scores[`${k}_score`] = typeof score === 'number' ? score : raised ? random.int(70, 99) : random.int(1, 30);
  }
  return { ...out, score_info: scores };
}
