import { MockError } from '../../errors.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';

/**
 * Dispatch is by Action and Version, never by the credential scope's service: Node signs the service
 * as `127` or `localhost:4600` when pointed at localhost (tencent-cloud-api3.md section 3.1).
 */
export function findApi(data: DataSet, action: string, version: string): ApiDefinition {
  const api = data.apis.get(`tencent:${action}`);
  if (!api) throw new MockError('InvalidAction');
  if (api.meta.version !== version) throw new MockError('NoSuchVersion', { action, version }, 'version');
  return api;
}
