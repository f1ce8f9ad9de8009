import type { Provider } from '../Provider.ts';
import { begin, decode, styleOf, type TencentDecoded } from './decode.ts';
import { findApi } from './findApi.ts';
import { authenticate } from './authenticate.ts';
import { errorReply, reply } from './render.ts';
import { actions } from './actions/index.ts';

/** Tencent Cloud API 3.0 at `/`: every reply HTTP 200 with the `{"Response":{...}}` envelope, errors included. */
export const tencent: Provider<TencentDecoded> = {
  name: 'tencent',
  styleOf,
  begin,
  decode,
  findApi,
  authenticate,
  bodyEnvelope: (call) => ({ RequestId: call.requestId }),
  reply,
  errorReply,
  actions,
};
