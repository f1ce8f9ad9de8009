import { raise } from '../../errors.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';
import type { Decoded } from '../Provider.ts';

/**
 * Dispatch is by Action and Version, never by the credential scope's service: Node signs the service
 * as `127` or `localhost:4600` when pointed at localhost.
 */
export function findApi(d: Decoded, data: DataSet): ApiDefinition {
  const { action = '', version = '' } = d.target;
  const api = data.apis.get(`tencent:${action}`);
  if (!api) throw raise('unknownApi');
  if (api.meta.version !== version) throw raise('unknownVersion', { action, version });
  return api;
}
