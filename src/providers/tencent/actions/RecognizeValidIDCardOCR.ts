import { MockError } from '../../../errors.ts';
import { crop } from '../../../actions/crop.ts';
import { warningGate } from '../../../pipeline/warningGate.ts';
import { createRandom, type Random } from '../../../identity/index.ts';
import { foreignResidentFor } from '../../../identity/documents/foreignResidentFor.ts';
import { residencePermitFor } from '../../../identity/documents/residencePermitFor.ts';
import { temporaryValidity } from '../../../identity/documents/temporaryValidity.ts';
import { markedSide } from '../../../images/markers.ts';
import { chineseDate, validDate } from './dates.ts';
import type { ActionHandler } from '../../../actions/types.ts';

type Fields = Record<string, unknown>;

/** The cards in CardType's order (tccli api.json RecognizeValidIDCardOCRRequest.CardType: 1-3, 4-6, 7-9, 10-12). */
const CARDS = ['mainland', 'temporary', 'residence-permit', 'foreign-permanent'] as const;
/** The answer's object for each card, in the same order. */
const INFOS = ['IDCardInfo', 'TemporaryIDCardInfo', 'ResidencePermitInfo', 'PermanentResidencePermitInfo'] as const;
/** Fields on the emblem side; the rest are on the portrait side (api.json IDCardInfo, ResidencePermitInfo, PermanentResidencePermitInfo). */
const BACK_FIELDS = new Set(['Authority', 'ValidDate', 'PassNum', 'IssueNum', 'HolderNum']);
/** CardWarnInfo members the vendor reports on every card, and those it reports only on the mainland card (EnablePSCheck, EnableWordCheck: 失效 on the others). */
const MAINLAND_ONLY = new Set(['PSCheck', 'IsReflect', 'IsInComplete']);

/**
 * RecognizeValidIDCardOCR (ocr 2018-11-19): which card and side the image shows, and its fields, in the
 * object of that card (the three others null). The card is CardType's, else the fixture image's `card`
 * marker, else the mainland card; the side is CardType's (1, 4, 7, 10 the portrait side; 2, 5, 8, 11
 * the emblem side; 0, 3, 6, 9, 12 either), else the marker's, else the portrait side. A CardType that
 * contradicts the marked card or side is the vendor's "no ID card" or "wrong side" error.
 * Every field of the object is a ContentInfo; those the side does not print are empty with Confidence 0.
 */
export const RecognizeValidIDCardOCR: ActionHandler = async (input) => {
  const { api, params, image, scenario, seed, register } = input;
  const errors = api.meta.image!.errors;
  const asked = typeof params.CardType === 'number' && params.CardType > 0 ? params.CardType : undefined;
  const markedCard = CARDS.indexOf(image.markers.card as typeof CARDS[number]);
  const card = asked ? Math.floor((asked - 1) / 3) : Math.max(0, markedCard);
  if (asked && markedCard >= 0 && markedCard !== card) throw MockError.code(errors.wrongCard!);
  const marked = markedSide(image.markers);
  const askedSide = asked ? (['front', 'back', undefined] as const)[(asked - 1) % 3] : undefined;
  if (askedSide && marked && askedSide !== marked) throw MockError.code(errors.wrongSide!);
  const back = (askedSide ?? marked) === 'back';

  const random = createRandom(seed, image.key, api.meta.action);
  const printed = await cardFields(input, CARDS[card]!, register);
  // The codes are field names, not numbers: gated here rather than through reportedWarnings.
  const warnings = scenario.warnings.filter((code) => warningGate(api, code, params) === undefined);
  const glare = card === 0 && warnings.includes('IsReflect');
  const incomplete = card === 0 && warnings.includes('IsInComplete');
  // What this side prints: the card's fields of the side that have a value (a permit has no 民族).
  const shown = Object.keys(printed).filter((k) => BACK_FIELDS.has(k) === back && printed[k] !== '');
  // A field-level warning marks one of the fields the side shows.
  const marks = { IsReflect: glare ? random.pick(shown) : undefined, IsInComplete: incomplete ? random.pick(shown) : undefined };
  const info: Fields = {};
  for (const [k, v] of Object.entries(printed)) {
    info[k] = shown.includes(k) ? content(v, random.int(85, 99), k === marks.IsReflect, k === marks.IsInComplete) : content('', 0);
  }
  const portraitKey = String(printed.IdNum ?? image.key);
  info.CardImage = content(params.EnableCropImage === true ? crop(api, 'card', `${portraitKey}:${back ? 'back' : 'front'}`) : '', params.EnableCropImage === true ? 100 : 0);
  info.PortraitImage = content(params.EnablePortrait === true && !back ? crop(api, 'portrait', portraitKey) : '', params.EnablePortrait === true && !back ? 100 : 0);
  info.WarnInfos = warnInfos(api.warnings, warnings, card === 0, random);

  // The eight Type spellings live in response.json's enum, in CardType order, portrait side first.
  const types = api.response.properties!.Type!.enum as string[];
  const out: Fields = { Type: types[card * 2 + (back ? 1 : 0)] };
  INFOS.forEach((name, i) => { out[name] = i === card ? info : null; });
  return out;
};

function content(text: string, confidence: number, reflect = false, incomplete = false): Fields {
  return { Content: text, Confidence: confidence, IsInComplete: incomplete ? 1 : 0, IsReflect: reflect ? 1 : 0, IsKeyInComplete: 0, IsKeyReflect: 0 };
}

/** CardWarnInfo: 1 where a present condition was asked for (warnings.json flags), else 0; BlurScore high when blurry. */
function warnInfos(catalog: Record<string, unknown>, reported: string[], mainland: boolean, random: Random): Fields {
  const out: Fields = {};
  for (const code of Object.keys(catalog)) {
    if (code.startsWith('Is')) continue; // field-level: set on the ContentInfo
    out[code] = reported.includes(code) && (mainland || !MAINLAND_ONLY.has(code)) ? 1 : 0;
  }
  out.BlurScore = Math.round((out.BlurCheck === 1 ? random.int(55, 95) : random.int(2, 30))) / 100;
  return out;
}

/** What each card prints, by the vendor's field names (ContentInfo contents), portrait and emblem side together. */
async function cardFields(input: Parameters<ActionHandler>[0], card: typeof CARDS[number], register: Parameters<ActionHandler>[0]['register']): Promise<Record<string, string>> {
  const { image, seed, now } = input;
  const on = new Date(now);
  if (card === 'residence-permit') {
    const p = residencePermitFor(image.key, seed, on);
    return {
      Name: p.name, Sex: p.sex, Nation: '', Birth: chineseDate(p.birth), Address: p.address, IdNum: p.idNum,
      Authority: p.authority, ValidDate: validDate(p.validFrom, p.validTo), PassNum: p.passNum, IssueNum: p.issueNum,
    };
  }
  if (card === 'foreign-permanent') {
    const p = foreignResidentFor(image.key, seed, on);
    return {
      Name: p.zhName, Sex: p.sex === 'M' ? '男' : '女', Nation: '', Birth: chineseDate(p.birth), Address: '', IdNum: p.idNum,
      Authority: p.authority, ValidDate: validDate(p.validFrom, p.validTo), HolderNum: p.holderNum,
      Nationality: `${p.state.zh}/${p.state.alpha3}`, EnName: p.enName,
    };
  }
  const person = input.person();
  await register.remember(person.idNum, person.name);
  const validity = card === 'temporary' ? temporaryValidity(image.key, seed, on) : person;
  return {
    Name: person.name, Sex: person.sex, Nation: person.nation, Birth: chineseDate(person.birth), Address: person.address, IdNum: person.idNum,
    Authority: person.authority, ValidDate: validDate(validity.validFrom, validity.validTo),
  };
}
