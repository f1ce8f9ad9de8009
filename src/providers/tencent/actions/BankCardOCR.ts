import { bankCardFor } from '../../../identity/bank/bankCardFor.ts';
import { createRandom } from '../../../identity/index.ts';
import { crop } from '../../../actions/crop.ts';
import { reportedWarnings } from '../../../actions/reportedWarnings.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * BankCardOCR (ocr 2018-11-19): the bank card in the image (src/identity/bank/bankCardFor.ts), as the tccli
 * example answers: BankInfo `招商银行(03080000)`, ValidDate `MM/YYYY`, CardType and CardName. The image
 * fields, WarningCode and QualityValue are null unless the request asked and there is something to report
 * (the example's nulls); a warning is reported when the scenario says its condition is present and its
 * Enable*Check switch, if it has one, is on (warnings.json).
 */
export const BankCardOCR: ActionHandler = ({ api, params, image, scenario, seed, now }) => {
  const card = bankCardFor(image.key, seed, new Date(now));
  // The vendor's words for debit and credit, in that order, live in response.json's enum (tccli api.json, examples.json: 贷记卡).
  const types = api.response.properties!.CardType!.enum as string[];
  const warnings = reportedWarnings(api, scenario.warnings, params);
  const quality = (): number => createRandom(seed, image.key, api.meta.action).int(60, 99);
  return {
    CardNo: card.number,
    BankInfo: `${card.bank.name}(${card.bank.institution})`,
    ValidDate: `${String(card.validTo.month).padStart(2, '0')}/${card.validTo.year}`,
    CardType: types[card.type === 'debit' ? 0 : 1],
    CardName: card.name,
    BorderCutImage: params.RetBorderCutImage === true ? crop(api, 'card', card.number) : null,
    CardNoImage: params.RetCardNoImage === true ? crop(api, 'cardNumber', card.number) : null,
    WarningCode: warnings.length > 0 ? warnings : null,
    QualityValue: params.EnableQualityValue === true ? quality() : null,
  };
};
