/** The key of an API in DataSet.apis, the validators and the coverage report: `provider:action` (`tencent:IDCardOCR`). */
export function apiKey(api: { provider: string; action: string }): string {
  return `${api.provider}:${api.action}`;
}
