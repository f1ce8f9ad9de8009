import type { Provider } from '../Provider.ts';
import { begin, decode, styleOf, type AlibabaDecoded } from './decode.ts';
import { findApi } from './findApi.ts';
import { authenticate } from './authenticate.ts';
import { errorReply, reply } from './render.ts';
import { actions } from './actions/index.ts';

/** Alibaba Cloud OpenAPI, RPC style at `POST /` with x-acs-action: ocr-api RecognizeIdcard and cloudauth Id2MetaVerify. */
export const alibaba: Provider<AlibabaDecoded> = {
  name: 'alibaba',
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
