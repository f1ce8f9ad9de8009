import { randomUUID } from 'node:crypto';
import { personFor, personForId, type Person } from '../../../identity/index.ts';
import { HOSTED_PAGE_PATH } from '../../../hosted/hostedPagePath.ts';
import { decryptParams } from './decryptParams.ts';
import { cardOf } from './detectResult.ts';
import type { ActionHandler } from '../../../actions/types.ts';
import type { FaceIdFlow } from '../../../state/faceIdFlows.ts';

/**
 * DetectAuth (https://cloud.tencent.com/document/api/1007/31816): starts a hosted verification and
 * answers its BizToken and the Url of the page the end user finishes it on: here the emulator's own
 * page, on the host the request came to. The person is the Name and IdCard given (decrypted when
 * Encryption says they are encrypted with the published test key), or, when none was given, the one the
 * page "reads" from the card: drawn from the token and put on record, so the verification APIs agree.
 */
export const DetectAuth: ActionHandler = async (input) => {
  const { api, params, seed, now, flows, register, request, scenario } = input;
  const flow = api.meta.flow;
  if (!flow) throw new Error(`${api.meta.action}: action.json has no flow`);
  let name = typeof params.Name === 'string' ? params.Name : undefined;
  let idCard = typeof params.IdCard === 'string' ? params.IdCard : undefined;
  const d = decryptParams(params, input.dataDir);
  if (d?.status === 'ok') ({ Name: name = name, IdCard: idCard = idCard } = d.values);
  else if (d) {
    scenario.notices.push('Encryption was not made with the published test key (or is SM4-GCM): the page verifies a person drawn from the token instead');
    name = idCard = undefined;
  }

  const token = randomUUID().toUpperCase();
  const day = new Date(now);
  const drawn = (): Person => personFor(`flow:${token}`, seed, day);
  // Without a name and an ID number the page reads the card: a person drawn from the token, put on record.
  const card = name === undefined && idCard === undefined ? drawn() : undefined;
  if (card) await register.remember(card.idNum, card.name);
  const person = {
    name: name ?? (idCard === undefined ? undefined : (await register.nameOf(idCard)) ?? personForId(idCard, seed, day)?.name) ?? drawn().name,
    idNum: idCard ?? drawn().idNum,
  };
  const record: FaceIdFlow = {
    token, provider: api.meta.provider, outcomesOf: flow.outcomesOf, ruleId: String(params.RuleId),
    redirectUrl: typeof params.RedirectUrl === 'string' ? params.RedirectUrl : undefined, redirectParameter: flow.redirectParameter,
    extra: typeof params.Extra === 'string' ? params.Extra : '',
    person,
    card: card && cardOf(card),
    startedAt: now, expiresAt: now + flow.tokenSeconds * 1000, keepUntil: now + flow.keepSeconds * 1000,
  };
  await flows.start(record);
  return { BizToken: token, Url: `http://${request.host}${HOSTED_PAGE_PATH}${token}` };
};
