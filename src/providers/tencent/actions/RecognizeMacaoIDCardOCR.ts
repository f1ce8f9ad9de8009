import { macaoPersonFor } from '../../../identity/macao/macaoPersonFor.ts';
import { crop } from '../../../actions/crop.ts';
import { parseJsonParam } from './parseJsonParam.ts';
import { reportedWarnings } from '../../../actions/reportedWarnings.ts';
import { dashDate } from './dates.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * RecognizeMacaoIDCardOCR (ocr 2018-11-19, intl): the Macao resident in the photo-side image. The
 * back image (optional) is checked like the front but adds no field: the vendor reads the photo side
 * (https://www.tencentcloud.com/document/api/1005/62724). Config.RetImage `portrait` returns the head photo, `preprocess` (the vendor example's
 * value) the processed card image. WarnCardInfos are the codes the scenario says are present.
 */
export const RecognizeMacaoIDCardOCR: ActionHandler = ({ api, params, image, scenario, seed, now }) => {
  const config = parseJsonParam(params.Config);
  const p = macaoPersonFor(image.key, seed, new Date(now));
  let retImage = '';
  if (config.RetImage === 'portrait') retImage = crop(api, 'portrait', p.id);
  if (config.RetImage === 'preprocess') retImage = crop(api, 'card', p.id);
  // The two vendor spellings (permanent, non-permanent) live in response.json's enum, in that order.
  const residentTypes = api.response.properties!.ResidentType!.enum as string[];
  return {
    CnLastName: p.name.cnLastName,
    EnLastName: p.name.enLastName,
    LastNameCode: p.name.lastNameCode,
    CnFirstName: p.name.cnFirstName,
    EnFirstName: p.name.enFirstName,
    FirstNameCode: p.name.firstNameCode,
    ID: p.id,
    Birthday: dashDate(p.birth),
    Sex: p.sex,
    FirstIssueDate: dashDate(p.firstIssue),
    CurrentIssueDate: dashDate(p.currentIssue),
    ValidityPeriod: dashDate(p.validTo),
    Symbol: p.symbol,
    Height: p.height,
    RetImage: retImage,
    ResidentType: residentTypes[p.permanent ? 0 : 1],
    WarnCardInfos: reportedWarnings(api, scenario.warnings, params),
  };
};
