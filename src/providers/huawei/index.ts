import type { Provider } from '../Provider.ts';
import { begin, decode, styleOf } from './decode.ts';
import { findApi } from './findApi.ts';
import { authenticate } from './authenticate.ts';
import { render, renderError } from './render.ts';

/** Huawei Cloud APIG REST paths (/v1-3/…): the OCR API and the IAM calls of the token and region flows. */
export const huawei: Provider = {
  name: 'huawei',
  styleOf,
  begin,
  decode,
  findApi,
  authenticate,
  bodyEnvelope: () => ({}),
  render,
  renderError,
};
