import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { collectData } from '../../src/data/loadData.ts';
import { packageRoot } from '../../src/config.ts';

// A user's scenario folder with mistakes in it, as `idcard-mock validate --scenarios` and a start list
// them: each mistake one line that names the file, the key or value, what is allowed and the nearest name.
const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-file-problems-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The problems of one scenario file written at `rel` below a fresh user folder. */
function problemsOf(rel: string, text: string): string[] {
  const dir = mkdtempSync(join(scratch, 'folder-'));
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return collectData(packageRoot, [dir]).problems.map((p) => p.replace(`${path}: `, ''));
}

const IDCARD = 'tencent/ocr/IDCardOCR';

describe('a scenario file', () => {
  it('an unknown key: the key, the nearest one and the allowed ones', () => {
    const [problem, ...more] = problemsOf(`${IDCARD}/typo.json`, JSON.stringify({ description: 'x', erorr: 'FailedOperation.ImageBlur' }));
    expect(more).toEqual([]);
    expect(problem).toMatch(/^unknown key erorr \(did you mean error\?\); allowed: description, .*\berror\b/);
  });

  it('an unknown key in a step or in `when`, with its path', () => {
    expect(problemsOf(`${IDCARD}/steps.yaml`, 'description: x\nsteps:\n  - eror: X\nwhen:\n  parms: {}\n')).toEqual([
      '/when: unknown key parms (did you mean params?); allowed: params, headers, caller',
      '/steps/0: unknown key eror (did you mean error?); allowed: error, warnings, response, result, latencyMs, fault, scenario, description',
    ]);
  });

  it('a bad enum lists the allowed values and suggests the nearest', () => {
    expect(problemsOf(`${IDCARD}/fault.json`, JSON.stringify({ description: 'x', fault: 'hangs' }))).toEqual([
      '/fault must be one of hang, reset, truncated, http-502, http-504, got "hangs" (did you mean hang?)',
    ]);
  });

  it('one mistake under a oneOf is one message, the one that explains it', () => {
    expect(problemsOf(`${IDCARD}/slow.json`, JSON.stringify({ description: 'x', latencyMs: -5 }))).toEqual(['/latencyMs must be at least 0, got -5']);
    expect(problemsOf(`${IDCARD}/slower.json`, JSON.stringify({ description: 'x', latencyMs: { min: 0, max: 'x' } }))).toEqual(['/latencyMs/max must be an integer, got "x"']);
    expect(problemsOf(`${IDCARD}/who.json`, JSON.stringify({ description: 'x', when: { caller: 5 } }))).toEqual(['/when/caller must be a string or a list, got 5']);
  });

  it('an error code or warning no catalog has, with the nearest', () => {
    expect(problemsOf(`${IDCARD}/blur.json`, JSON.stringify({ description: 'x', error: 'FailedOperation.ImageBlurr', warnings: ['cpy'] }))).toEqual([
      'error FailedOperation.ImageBlurr is in no catalog of tencent:IDCardOCR (did you mean FailedOperation.ImageBlur?)',
      `warning cpy is not in schemas/${IDCARD}/warnings.json (as a code or a name) (did you mean copy?)`,
    ]);
  });

  it('a wrong-case API folder, with the folder it means', () => {
    expect(problemsOf('tencent/ocr/IdCardOcr/mine.json', JSON.stringify({ description: 'x' }))).toEqual([
      'no API at schemas/tencent/ocr/IdCardOcr (did you mean tencent/ocr/IDCardOCR?) (a scenario file goes in <provider>/<service>/<Action>/ of a scenario folder)',
    ]);
  });
});
