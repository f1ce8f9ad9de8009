import { MockError } from '../../../errors.ts';
import { crop } from '../../../actions/crop.ts';
import { createRandom } from '../../../identity/index.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from '../../../actions/reportedWarnings.ts';
import { slashDate, validDate } from './dates.ts';
import type { ActionHandler } from '../../../actions/types.ts';
import { markedSide } from '../../../images/markers.ts';
import type { ApiDefinition } from '../../../data/types.ts';
import type { JsonSchema } from '../../../data/jsonSchema.ts';

/**
 * IDCardOCR (ocr 2018-11-19): the person in the image, photo side (FRONT) or emblem side (BACK).
 * The side is CardSide, else the fixture image's marker, else FRONT; Config.MultiCardDetect reads
 * both sides from one image. Fields of the other side stay "" (tccli examples.json).
 */
export const IDCardOCR: ActionHandler = async (input) => {
  const { api, params, image, scenario, seed, register, wanted } = input;
  const config = parseJsonParam(params.Config);
  const asked = typeof params.CardSide === 'string' && params.CardSide !== '' ? params.CardSide : undefined;
  const marked = markedSide(image.markers)?.toUpperCase();
  if (asked && marked && asked !== marked) throw MockError.code(api.meta.image!.errors.wrongSide!);
  const side = asked ?? marked ?? 'FRONT';
  const front = side === 'FRONT' || config.MultiCardDetect === true;
  const back = side === 'BACK' || config.MultiCardDetect === true;

  const person = input.person();
  // Drawn from only when a Config flag asks for a score or a position: most answers need none.
  let drawn: ReturnType<typeof createRandom> | undefined;
  const random = (): ReturnType<typeof createRandom> => (drawn ??= createRandom(seed, image.key, api.meta.action));
  const fields: Record<string, unknown> = {};
  if (front) {
    await register.remember(person.idNum, person.name);
    Object.assign(fields, {
      Name: person.name, Sex: person.sex, Nation: person.nation, Birth: slashDate(person.birth), Address: person.address, IdNum: person.idNum,
    });
  }
  if (back) Object.assign(fields, { Authority: person.authority, ValidDate: validDate(person.validFrom, person.validTo) });

  const warnings = reportedWarnings(api, scenario.warnings, params);
  /** Whether a warning of this shared name (warnings.json `name`) is reported: the codes stay in the data. */
  const reported = (name: string): boolean => warnings.some((code) => api.warnings[String(code)]?.name === name);
  // Each of these only when the request's Config asks for it (response.json's `x-when` on AdvancedInfo's fields).
  const advanced: Record<string, unknown> = { WarnInfos: warnings };
  if (wanted('AdvancedInfo.IdCard')) advanced.IdCard = crop(api, 'card', `${person.idNum}:${side}`);
  if (wanted('AdvancedInfo.Portrait') && front) advanced.Portrait = crop(api, 'portrait', person.idNum);
  if (wanted('AdvancedInfo.Quality')) advanced.Quality = random().int(60, 99);
  if (wanted('AdvancedInfo.BorderCodeValue')) {
    advanced.BorderCodeValue = reported('border') || reported('occlusion') ? random().int(60, 95) : random().int(5, 40);
  }
  fields.AdvancedInfo = advanced;
  // Always sent; a glare's position only when the request asks for the details (the items' `x-when`) and a glare is reported.
  fields.ReflectDetailInfos = wanted('ReflectDetailInfos.items') && reported('glare') ? [{ Position: random().pick(reflectPositions(api)) }] : [];
  return fields;
};

/** The positions a glare can be reported at: the response schema's enum (tccli api.json ReflectDetailInfo.Position). */
function reflectPositions(api: ApiDefinition): string[] {
  const item = (api.response.properties?.ReflectDetailInfos?.items ?? {}) as JsonSchema;
  return (item.properties?.Position?.enum ?? []) as string[];
}
