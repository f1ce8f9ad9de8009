import { roleError } from '../../errors.ts';
import { apiKey } from '../../data/apiKey.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';
import type { AlibabaDecoded } from './decode.ts';

/** By x-acs-action and x-acs-version; the Host is the emulator's, never the product's endpoint. */
export function findApi(d: AlibabaDecoded, data: DataSet): ApiDefinition {
  const { action, version } = d.target;
  const api = data.apis.get(apiKey({ provider: 'alibaba', action }));
  if (!api) throw roleError('unknownApi', { action });
  if (api.meta.version !== version) throw roleError('unknownVersion', { action, version });
  return api;
}
