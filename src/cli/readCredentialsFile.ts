import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { didYouMean } from './didYouMean.ts';
import type { Credentials } from '../config.ts';

/**
 * Adds the pairs of a credentials file to `into`: per provider, a list of objects with the id and
 * secret fields its data names (provider.json `testCredentials.fields`; `{"tencent":[{"secretId",
 * "secretKey"}]}` and so on, as docs/running.md shows). Returns what is wrong with the file, each problem
 * starting with `name` (the flag, variable or config key that named it) and the file.
 */
export function readCredentialsFile(file: string, name: string, into: Credentials, dataDir: string): string[] {
  const where = `${name} ${file}`;
  const fields = credentialFields(dataDir);
  const providers = Object.keys(fields);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return [`${where}: ${code ? `cannot read it (${code})` : `not valid JSON (${(e as Error).message})`}`];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [`${where}: must be an object with a list for any of ${providers.join(', ')}`];
  const problems: string[] = [];
  for (const [provider, list] of Object.entries(parsed)) {
    const pair = fields[provider];
    if (!pair) {
      problems.push(`${where}: unknown key ${provider}${didYouMean(provider, providers)} (the providers are ${providers.join(', ')})`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`${where}: ${provider} must be a list`);
      continue;
    }
    const [id, secret] = pair;
    const map = (into[provider] ??= new Map());
    list.forEach((entry: Record<string, unknown> | null, i) => {
      if (typeof entry?.[id] === 'string' && typeof entry[secret] === 'string') map.set(entry[id], entry[secret]);
      else problems.push(`${where}: ${provider}[${i}] needs string ${id} and ${secret}`);
    });
  }
  return problems;
}

/** Per provider in the data, the names of its credential id and secret. */
function credentialFields(dataDir: string): Record<string, [string, string]> {
  const schemas = join(dataDir, 'schemas');
  const out: Record<string, [string, string]> = {};
  for (const dir of readdirSync(schemas, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    try {
      const facts = JSON.parse(readFileSync(join(schemas, dir.name, 'provider.json'), 'utf8')) as { provider: string; testCredentials: { fields: [string, string] } };
      out[facts.provider] = facts.testCredentials.fields;
    } catch {
      // no provider.json here (schemas/_meta, schemas/mock); a broken one is the data loader's to report
    }
  }
  return out;
}
