import { asksFor, cardSide, detectState, detectText, faceFrame, sawFace } from './detectResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';

/**
 * GetDetectInfo (https://cloud.tencent.com/document/api/1007/31331), the older form of
 * GetDetectInfoEnhanced over the same flow: DetectInfo is JSON text in the shape api.json documents
 * (Text with Detail.LivenessData; IdCardData; BestFrame; VideoData), holding only the parts InfoType
 * asks for (examples.json: InfoType 12 has no BestFrame and no VideoData).
 */
export const GetDetectInfo: ActionHandler = async (input) => {
  const state = await detectState(input);
  const { flow } = state;
  const info: Record<string, unknown> = {};
  const face = sawFace(input, state);
  const asks = (part: string): boolean => asksFor(input.params.InfoType, part);
  if (asks('1')) {
    const t = detectText(input, state);
    const details = t.LivenessDetail as Record<string, unknown>[];
    info.Text = {
      ErrCode: t.ErrCode, ErrMsg: t.ErrMsg, IdCard: t.IdCard, Name: t.Name, OcrNation: t.OcrNation, OcrAddress: t.OcrAddress, OcrBirth: t.OcrBirth,
      OcrAuthority: t.OcrAuthority, OcrValidDate: t.OcrValidDate, OcrName: t.OcrName, OcrIdCard: t.OcrIdCard, OcrGender: t.OcrGender,
      LiveStatus: t.LiveStatus, LiveMsg: t.LiveMsg, Comparestatus: t.Comparestatus, Comparemsg: t.Comparemsg, Sim: t.Sim, Location: t.Location, Extra: t.Extra,
      Detail: { LivenessData: details.map((d) => ({ ErrCode: d.Errcode, ErrMsg: d.Errmsg, ReqTime: d.ReqTime, IdCard: d.Idcard, Name: d.Name })) },
    };
  }
  if (asks('2')) info.IdCardData = face && flow.card ? { OcrFront: cardSide(input, flow, 'front'), OcrBack: cardSide(input, flow, 'back') } : { OcrFront: null, OcrBack: null };
  if (asks('3')) info.BestFrame = { BestFrame: face ? faceFrame(input, flow, 0) : null };
  if (asks('4')) info.VideoData = { LivenessVideo: null };
  if (asks('4') && face) input.scenario.notices.push('the emulator records no liveness video: VideoData.LivenessVideo is null');
  return { DetectInfo: info };
};
