import { ALARMS } from '../../actions/RecognizeIdCard.ts';

type Fields = Record<string, unknown>;

/** Request flag → the result field it asks for (huawei-ocr.md section 2.2). */
const OPTIONAL: Record<string, string> = {
  return_verification: 'verification_result',
  return_text_location: 'text_location',
  return_portrait_location: 'portrait_location',
  return_portrait_image: 'portrait_image',
  return_adjusted_image: 'adjusted_image',
  ...Object.fromEntries(ALARMS.map((k) => [`detect_${k}`, `detect_${k}_result`])),
};

/**
 * Each optional field of `{"result": ...}` is present exactly when its flag is true, each score of
 * `score_info` when its detect_* flag is (section 2.4); with `double_side` everything is under
 * `front` and `back` (Surprises 14), without it neither is. Applied last, over scenario overrides too.
 */
export function presentFields(body: Fields, params: Fields): Fields {
  const result = body.result as Fields;
  const asked = (flag: string): boolean => params[flag] === true;
  const trim = (r: Fields): Fields => {
    const out: Fields = { ...r };
    for (const [flag, field] of Object.entries(OPTIONAL)) if (!asked(flag)) delete out[field];
    const scores = Object.fromEntries(Object.entries((out.score_info ?? {}) as Fields).filter(([k]) =>
      ALARMS.some((a) => k === `${a}_score` && asked(`detect_${a}`))));
    if (Object.keys(scores).length) out.score_info = scores;
    else delete out.score_info;
    return out;
  };
  if (params.side === 'double_side') {
    return { result: { front: trim((result.front ?? {}) as Fields), back: trim((result.back ?? {}) as Fields) } };
  }
  const { front: _front, back: _back, ...single } = result;
  return { result: trim(single) };
}
