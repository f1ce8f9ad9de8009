import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { DataError } from '../../src/data/loadData.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A copy of the project's data to break on purpose. */
function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idcard-mock-data-'));
  for (const d of ['schemas', 'scenarios', 'keys']) cpSync(join(root, d), join(dir, d), { recursive: true });
  return dir;
}

describe('boot-time data checks', () => {
  it('the shipped data boots', () => {
    expect(() => createApp()).not.toThrow();
  });

  it('lists every problem at once, not just the first', () => {
    const dir = dataCopy();
    try {
      writeFileSync(join(dir, 'scenarios/tencent/ocr/IDCardOCR/broken.json'), '{ not json');
      writeFileSync(join(dir, 'scenarios/tencent/ocr/IDCardOCR/ghost.json'), JSON.stringify({ description: 'x', error: 'FailedOperation.NoSuchCode' }));
      writeFileSync(join(dir, 'scenarios/tencent/ocr/IDCardOCR/typo.json'), JSON.stringify({ description: 'x', warnings: ['-1234'] }));
      rmSync(join(dir, 'keys/test-encryption-private.pem'));
      let error: unknown;
      try { createApp({ dataDir: dir }); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(DataError);
      const problems = (error as DataError).problems.join('\n');
      expect(problems).toContain('broken.json: not valid JSON');
      expect(problems).toContain('ghost.json: error FailedOperation.NoSuchCode is in no catalog');
      expect(problems).toContain('typo.json: warning -1234 is not in');
      expect(problems).toContain('keys/');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
