import type { Provider } from '../Provider.ts';
import { begin, decode, styleOf } from './decode.ts';
import { findApi } from './findApi.ts';
import { authenticate } from './authenticate.ts';
import { render, renderError } from './render.ts';

/** Tencent Cloud API 3.0 at `/`: every reply HTTP 200 with the `{"Response":{...}}` envelope, errors included. */
export const tencent: Provider = {
  name: 'tencent',
  styleOf,
  begin,
  decode,
  findApi,
  authenticate,
  bodyEnvelope: (call) => ({ RequestId: call.requestId }),
  render,
  renderError,
};
