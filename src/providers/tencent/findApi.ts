import { roleError } from '../../errors.ts';
import { didYouMean } from '../../cli/didYouMean.ts';
import { shownValue } from '../../journalEntries/shownValue.ts';
import { apiKey } from '../../data/apiKey.ts';
import type { ApiDefinition, DataSet } from '../../data/types.ts';
import type { TencentDecoded } from './decode.ts';

/**
 * Dispatch is by Action and Version, never by the credential scope's service: Node signs the service
 * as `127` or `localhost:4600` when pointed at localhost. The vendor's InvalidAction names neither
 * what it would have taken nor the nearest action (`idcardocr`, `IDCardOCRX`): the notice does.
 */
export function findApi(d: TencentDecoded, data: DataSet): ApiDefinition {
  const { action, version } = d.target;
  const api = data.apis.get(apiKey({ provider: 'tencent', action }));
  if (!api) {
    const served = [...data.apis.values()].filter((a) => a.meta.provider === 'tencent').map((a) => a.meta.action);
    throw roleError('unknownApi').noting(`unknown action ${shownValue(action)}${didYouMean(action, served)}; this emulator serves ${served.join(', ')}`);
  }
  if (api.meta.version !== version) throw roleError('unknownVersion', { action, version }).noting(`${action} is served at Version ${api.meta.version}, not ${shownValue(version)}`);
  return api;
}
