import { createHash } from 'node:crypto';

/**
 * IAM ids (32 lowercase hex, like the real ones) derived from a name and the seed, so a project
 * named `cn-north-4` has the same id in the token body, in `GET /v3/projects` and on every run.
 */
export function iamId(seed: string, kind: 'project' | 'domain' | 'user' | 'endpoint' | 'service', name: string): string {
  return createHash('sha256').update(`${seed}\0huawei-${kind}\0${name}`).digest('hex').slice(0, 32);
}

/** The region the emulator calls its project when a client names none (Huawei's OCR and IAM doc examples use it). */
export const DEFAULT_REGION = 'cn-north-4';
