import type { Provider } from '../Provider.ts';
import { begin, decode, styleOf, type HuaweiDecoded } from './decode.ts';
import { findApi } from './findApi.ts';
import { authenticate } from './authenticate.ts';
import { errorReply, reply } from './render.ts';
import { actions } from './actions/index.ts';

/** Huawei Cloud APIG REST paths (/v1-3/…): the OCR API and the IAM calls of the token and region flows. */
export const huawei: Provider<HuaweiDecoded> = {
  name: 'huawei',
  styleOf,
  begin,
  decode,
  findApi,
  authenticate,
  bodyEnvelope: () => ({}),
  reply,
  errorReply,
  actions,
};
