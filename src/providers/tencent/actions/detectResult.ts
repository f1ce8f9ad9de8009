import { createHash } from 'node:crypto';
import { roleError } from '../../../errors.ts';
import { createRandom, personFor, type Person } from '../../../identity/index.ts';
import { makeJpeg } from '../../../images/makeJpeg.ts';
import { crop } from '../../../actions/crop.ts';
import { slashDate, validDate } from './dates.ts';
import type { ActionInput } from '../../../actions/types.ts';
import type { FaceIdFlow } from '../../../state/faceIdFlows.ts';
import type { ResultEntry } from '../../../data/types.ts';

/** A flow and its outcome code as of now; `code` undefined while the user has not finished. */
export interface DetectState { flow: FaceIdFlow; code?: string }

/**
 * The flow a result API reads (GetDetectInfoEnhanced, GetDetectInfo): the token must have been issued
 * (else InvalidParameter 非法BizToken。), its three days not over (BizTokenExpired), the RuleId the same
 * as DetectAuth's. The outcome is the scenario's when one is pinned (it also decides an unfinished flow,
 * so that the other result API agrees), else the one chosen on the page or the control plane, else the
 * `expire` outcome once the token's 7,200 s are over. A pinned outcome for a token never issued is
 * answered too, for a person drawn from the token: the user asked for that outcome, and is told.
 */
export async function detectState(input: ActionInput): Promise<DetectState> {
  const { params, flows, scenario, now, api, seed } = input;
  const token = String(params.BizToken);
  const flow = await flows.find(token);
  if (!flow) {
    if (scenario.result === undefined) throw roleError('flowUnknown').noting(`BizToken ${token} was not issued by DetectAuth on this emulator since its last reset`);
    scenario.notices.push(`BizToken ${token} was not issued here: the scenario's outcome ${scenario.result} is answered for a person drawn from the token`);
    const p = personFor(`flow:${token}`, seed, new Date(now));
    const flow: FaceIdFlow = {
      token, provider: api.meta.provider, outcomesOf: api.meta.action, ruleId: String(params.RuleId), redirectParameter: '', extra: '',
      person: { name: p.name, idNum: p.idNum }, card: cardOf(p), startedAt: now, expiresAt: now, keepUntil: now,
    };
    return { flow, code: scenario.result };
  }
  if (now > flow.keepUntil) throw roleError('flowExpired').noting(`the results of BizToken ${token} were kept until ${new Date(flow.keepUntil).toISOString()} (emulated clock)`);
  if (String(params.RuleId) !== flow.ruleId) throw roleError('flowRuleMismatch').noting(`BizToken ${token} was issued under RuleId ${flow.ruleId}`);
  if (scenario.result !== undefined) {
    const decided = await flows.decide(token, scenario.result, now, 'scenario');
    if (decided?.outcome !== scenario.result) scenario.notices.push(`the flow ended in ${decided?.outcome}; the scenario's outcome ${scenario.result} is answered`);
    return { flow: decided ?? flow, code: scenario.result };
  }
  if (flow.outcome !== undefined) return { flow, code: flow.outcome };
  if (now > flow.expiresAt) return { flow, code: codeOfStage(api.results.results, 'expire') };
  scenario.notices.push(`the user has not finished BizToken ${token} yet: open its page, or POST /__mock/faceid/verify; until then the result is empty`);
  return { flow };
}

/** What the page reads from a card (the OCR fields of the result), in IDCardOCR's formats. */
export function cardOf(p: Person): NonNullable<FaceIdFlow['card']> {
  return { sex: p.sex, nation: p.nation, address: p.address, birth: slashDate(p.birth), authority: p.authority, validDate: validDate(p.validFrom, p.validTo) };
}

function codeOfStage(results: Record<string, ResultEntry>, stage: ResultEntry['stage']): string {
  const code = Object.keys(results).find((c) => results[c]!.stage === stage);
  if (code === undefined) throw new Error(`results.json has no outcome of stage ${stage}`);
  return code;
}

/** The digits of InfoType that ask for a part; 0 or none asks for everything. */
export function asksFor(infoType: unknown, part: string): boolean {
  const digits = typeof infoType === 'string' && infoType !== '' ? infoType : '0';
  return digits.includes('0') || digits.includes(part);
}

/** The text fields of the outcome (DetectInfoText, tencentcloud-cli api.json; the success example of examples.json), in the client's language. */
export function detectText(input: ActionInput, { flow, code }: DetectState): Record<string, unknown> {
  const pending = {
    ErrCode: null, ErrMsg: null, IdCard: '', UseIDType: null, Name: '', OcrNation: null, OcrAddress: null, OcrBirth: null, OcrAuthority: null,
    OcrValidDate: null, OcrName: null, OcrIdCard: null, OcrGender: null, IdInfoFrom: null, LiveStatus: null, LiveMsg: null, Comparestatus: null,
    Comparemsg: null, Sim: null, Location: null, Extra: flow.extra, LivenessDetail: [], LivenessInfoTag: null, Mobile: '', CompareLibType: null,
    LivenessMode: null, NFCRequestIds: [], NFCBillingCounts: 0, PassNo: null, VisaNum: null,
  };
  const results = input.api.results.results;
  const entry = code === undefined ? undefined : results[code];
  if (code !== undefined && !entry) throw new Error(`${input.api.meta.action}: outcome ${code} is not in results.json`);
  if (code === undefined || !entry) return pending;
  const lang = input.language ?? (input.flavor === 'intl' ? 'en-US' : 'zh-CN');
  const say = (e: ResultEntry): string => (lang === 'en-US' ? e.en : e.zh);
  const ok = say(results[codeOfStage(results, 'pass')]!);
  const msg = say(entry);
  const n = Number(code);
  // Seeded by the person, not the token: the same person passing again scores the same (the README quick start prints it).
  const random = createRandom(input.seed, flow.person.idNum, code);
  // Sim in hundredths: at least 70 is the same person (api.json DetectInfoText.Sim: 相似度大于等于70时才判断为同一人).
  const sim = (min: number, max: number): string => (random.int(min, max) / 100).toFixed(2);
  const card = flow.card;
  const text: Record<string, unknown> = {
    ...pending, ErrCode: n, ErrMsg: msg, IdCard: flow.person.idNum, Name: flow.person.name, UseIDType: 0,
    IdInfoFrom: card ? 'OCR' : '其他', OcrName: card ? flow.person.name : '', OcrIdCard: card ? flow.person.idNum : '',
    ...(card && { OcrNation: card.nation, OcrAddress: card.address, OcrBirth: card.birth, OcrAuthority: card.authority, OcrValidDate: card.validDate, OcrGender: card.sex }),
  };
  // Which checks ran: the liveness check unless the user left first, the comparison only after a live face.
  const live = entry.stage === 'pass' || entry.stage === 'compare' ? { status: 0, msg: ok } : entry.stage === 'liveness' ? { status: n, msg } : undefined;
  const compare = entry.stage === 'pass' ? { status: 0, msg: ok, sim: sim(8000, 9999) } : entry.stage === 'compare' ? { status: n, msg, sim: sim(2000, 6999) } : undefined;
  if (!live) return text;
  Object.assign(text, {
    LiveStatus: live.status, LiveMsg: live.msg, Comparestatus: compare?.status ?? null, Comparemsg: compare?.msg ?? null, Sim: compare?.sim ?? null,
    CompareLibType: compare ? '权威库' : null, LivenessMode: 1,
    LivenessDetail: [{
      ReqTime: String(flow.decidedAt ?? input.now), Seq: uuidOf(`${flow.token}:${code}`), Idcard: flow.person.idNum, Name: flow.person.name,
      Sim: compare?.sim ?? null, IsNeedCharge: entry.charged, Errcode: n, Errmsg: msg, Livestatus: live.status, Livemsg: live.msg,
      Comparestatus: compare?.status ?? null, Comparemsg: compare?.msg ?? null, CompareLibType: compare ? '权威库' : null, LivenessMode: 1,
    }],
  });
  return text;
}

/** Whether the user got as far as the camera (a best frame exists): every outcome but cancel and expiry. */
export function sawFace(input: ActionInput, { code }: DetectState): boolean {
  const stage = code === undefined ? undefined : input.api.results.results[code]?.stage;
  return stage === 'pass' || stage === 'compare' || stage === 'liveness';
}

/** Small generated JPEGs (Base64): the card's sides at the action's `card` crop size, a face at its `portrait` size. */
export function cardSide(input: ActionInput, flow: FaceIdFlow, side: string): string {
  const size = input.api.meta.crops?.card;
  if (!size) throw new Error(`${input.api.meta.action}: action.json has no crops.card`);
  return makeJpeg({ ...size, kind: 'card', seed: `${flow.token}:${side}` }).toString('base64');
}

export const faceFrame = (input: ActionInput, flow: FaceIdFlow, i: number): string => crop(input.api, 'portrait', `${flow.token}:frame:${i}`);

/** A UUID-shaped id derived from `text`, so the same flow answers the same Seq every time. */
function uuidOf(text: string): string {
  const h = createHash('sha256').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
