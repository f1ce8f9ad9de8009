import { roleError } from '../../../errors.ts';
import { encryptFields } from '../../../encryption/encryptFields.ts';
import { testKeyPair } from '../../../encryption/testKeyPair.ts';
import { asksFor, cardSide, detectState, detectText, faceFrame, sawFace } from './detectResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/** The most self-captured frames the API returns (api.json BestFramesCount: "最大值为10，超出10的最多只给10张"). */
const MAX_BEST_FRAMES = 10;
/** The fields Encryption covers (api.json GetDetectInfoEnhancedRequest.Encryption). */
const SENSITIVE = ['IdCard', 'Name', 'OcrIdCard', 'OcrName'] as const;

/**
 * GetDetectInfoEnhanced (https://cloud.tencent.com/document/api/1007/41957): the result of a DetectAuth
 * flow (detectResult.ts), the parts InfoType asks for: 1 Text, 2 the ID card photos (when the page
 * read the card; cut with IsCutIdCardImage, the head with IsNeedIdCardAvatar), 3 the best frame and
 * BestFramesCount more, 4 the video (none: said in a notice). The sensitive Text fields are encrypted
 * when Encryption names an algorithm. Parts not asked for keep the schema's empty form.
 */
export const GetDetectInfoEnhanced: ActionHandler = async (input) => {
  const { params, scenario, dataDir } = input;
  const state = await detectState(input);
  const { flow } = state;
  const fields: Record<string, unknown> = {};
  const face = sawFace(input, state);
  if (asksFor(params.InfoType, '1')) fields.Text = detectText(input, state);
  if (asksFor(params.InfoType, '2') && face && flow.card) {
    fields.IdCardData = {
      OcrFront: cardSide(input, flow, 'front'), OcrBack: cardSide(input, flow, 'back'),
      ProcessedFrontImage: params.IsCutIdCardImage === true ? cardSide(input, flow, 'front-cut') : null,
      ProcessedBackImage: params.IsCutIdCardImage === true ? cardSide(input, flow, 'back-cut') : null,
      Avatar: params.IsNeedIdCardAvatar === true ? faceFrame(input, flow, -1) : null,
      // Warnings only with the card-warning feature on (api.json DetectInfoIdCardData.WarnInfos), which no request field turns on.
      WarnInfos: null, BackWarnInfos: null,
    };
  }
  if (asksFor(params.InfoType, '3') && face) {
    const count = Math.min(Number(params.BestFramesCount ?? 0), MAX_BEST_FRAMES);
    fields.BestFrame = { BestFrame: faceFrame(input, flow, 0), BestFrames: Array.from({ length: count }, (_, i) => faceFrame(input, flow, i + 1)) };
  }
  if (asksFor(params.InfoType, '4') && face) scenario.notices.push('the emulator records no liveness video: VideoData.LivenessVideo is null');
  if (params.IsEncryptResponse === true) scenario.notices.push('IsEncryptResponse is not emulated: the answer is in clear (EncryptedBody is empty)');
  const enc = params.Encryption as { Algorithm?: string; Iv?: string } | undefined;
  if (enc) {
    // Node's OpenSSL has sm4 but no sm4-gcm (crypto.getCiphers()), as decryptFields says.
    if (enc.Algorithm === 'SM4-GCM') throw roleError('encryptFailed').noting('the emulator cannot encrypt with SM4-GCM; ask for AES-256-CBC');
    const text = fields.Text as Record<string, unknown> | undefined;
    const clear = Object.fromEntries(SENSITIVE.flatMap((k) => (typeof text?.[k] === 'string' && text[k] !== '' ? [[k, text[k] as string]] : [])));
    const e = encryptFields(clear, `${input.seed}\0${flow.token}`, testKeyPair(dataDir).publicKey, enc.Iv);
    if (text) Object.assign(text, e.values);
    fields.Encryption = { EncryptList: Object.keys(e.values), CiphertextBlob: e.ciphertextBlob, Iv: e.iv, Algorithm: 'AES-256-CBC', TagList: [] };
  }
  return fields;
};
