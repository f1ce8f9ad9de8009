import { bankCardFor, type YearMonth } from '../../../identity/bank/bankCardFor.ts';
import { createRandom } from '../../../identity/index.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** MM/YY, as the Bank Card OCR page's example prints the dates (`12/10`, `12/20`). */
const mmyy = (d: YearMonth): string => `${String(d.month).padStart(2, '0')}/${String(d.year % 100).padStart(2, '0')}`;

/**
 * RecognizeBankcard (OCR v2, POST /v2/{project_id}/ocr/bankcard): the bank card in the image
 * (src/identity/bank/bankCardFor.ts) in Huawei's shape: the number in groups of four as the card prints it
 * (the API page's `XXXX XXXX XXXX XXXX`), dates MM/YY, the issuer's name, the type, and a confidence for
 * each field, drawn per image (0.8-1; the vendor says only that it is 0-1).
 */
export const RecognizeBankcard: ActionHandler = ({ api, image, seed, now }) => {
  const card = bankCardFor(image.key, seed, new Date(now));
  // The vendor's words for debit and credit, in that order, live in response.json's type enum (the API page).
  const types = ((api.response.$defs as Record<string, { properties: Record<string, { enum: string[] }> }>).BankcardResult!.properties.type!.enum);
  const random = createRandom(seed, image.key, api.meta.action);
  const confidence = (): number => random.int(8000, 9999) / 10000;
  return {
    result: {
      bank_name: card.bank.name,
      card_number: card.number.replace(/(\d{4})(?=\d)/g, '$1 '),
      issue_date: mmyy(card.validFrom),
      expiry_date: mmyy(card.validTo),
      type: types[card.type === 'debit' ? 0 : 1],
      confidence: { bank_name: confidence(), card_number: confidence(), issue_date: confidence(), expiry_date: confidence(), type: confidence() },
    },
  };
};
