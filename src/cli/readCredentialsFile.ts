import { readFileSync } from 'node:fs';
import type { Credentials } from '../config.ts';

/**
 * Adds the pairs of a credentials file, `{"tencent":[{"secretId","secretKey"}],"huawei":[{"ak","sk"}]}`,
 * to `into`. Returns what is wrong with the file, each problem starting with `name` (the flag, variable
 * or config key that named it) and the file.
 */
export function readCredentialsFile(file: string, name: string, into: Credentials): string[] {
  const where = `${name} ${file}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return [`${where}: ${code ? `cannot read it (${code})` : `not valid JSON (${(e as Error).message})`}`];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [`${where}: must be an object with "tencent" and/or "huawei" lists`];
  const { tencent = [], huawei = [], ...rest } = parsed as Record<string, unknown>;
  const problems = Object.keys(rest).map((k) => `${where}: unknown key ${k} (only "tencent" and "huawei")`);
  const pairs = (vendor: string, list: unknown, id: string, secret: string, add: (id: string, secret: string) => void): void => {
    if (!Array.isArray(list)) {
      problems.push(`${where}: ${vendor} must be a list`);
      return;
    }
    list.forEach((entry: Record<string, unknown> | null, i) => {
      if (typeof entry?.[id] === 'string' && typeof entry[secret] === 'string') add(entry[id], entry[secret]);
      else problems.push(`${where}: ${vendor}[${i}] needs string ${id} and ${secret}`);
    });
  };
  pairs('tencent', tencent, 'secretId', 'secretKey', (id, key) => into.tencent.set(id, key));
  pairs('huawei', huawei, 'ak', 'sk', (ak, sk) => into.huawei.set(ak, sk));
  return problems;
}
