import { readFileSync } from 'node:fs';

const facts = (provider: string): Record<string, string> =>
  (JSON.parse(readFileSync(new URL(`../../schemas/${provider}/provider.json`, import.meta.url), 'utf8')) as { testCredentials: { values: Record<string, string> } }).testCredentials.values;
const tencent = facts('tencent');
const huawei = facts('huawei');
const alibaba = facts('alibaba');

/** The README's well-known test credentials, as the data declares them (schemas/<provider>/provider.json `testCredentials`), typed for the tests. */
export const WELL_KNOWN = {
  tencent: { secretId: tencent.secretId!, secretKey: tencent.secretKey! },
  huawei: { ak: huawei.ak!, sk: huawei.sk!, user: huawei.user!, password: huawei.password! },
  alibaba: { accessKeyId: alibaba.accessKeyId!, accessKeySecret: alibaba.accessKeySecret! },
} as const;
