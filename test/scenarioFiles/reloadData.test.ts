import { afterAll, describe, expect, it } from 'vitest';
import { coverageReport } from '../../src/coverageReport.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, reloadData } from '../../src/runtime.ts';
import { watchData, type WatchEvents } from '../../src/watchData.ts';
import { defaultConfig } from '../../src/config.ts';
import { DataError } from '../../src/data/loadData.ts';

const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-reload-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A user scenario folder with one IDCardOCR scenario file in it. */
function userFolder(name: string, file: string, text: string): { dir: string; path: string } {
  const dir = join(scratch, name);
  mkdirSync(join(dir, 'tencent/ocr/IDCardOCR'), { recursive: true });
  const path = join(dir, 'tencent/ocr/IDCardOCR', file);
  writeFileSync(path, text);
  return { dir, path };
}

const scenario = (rt: ReturnType<typeof createRuntime>, name: string) => rt.data.apis.get('tencent:IDCardOCR')!.scenarios.get(name);

describe('reloadData', () => {
  it('swaps the data and the validators when the files are good, and keeps the state', async () => {
    const { dir, path } = userFolder('swap', 'busy.yaml', 'description: busy\nerror: FailedOperation.OcrFailed\n');
    const rt = createRuntime(defaultConfig({ scenarioDirs: [dir] }));
    const { data, validators, state } = rt;
    await state.coverage.record('tencent:IDCardOCR', 'error:FailedOperation.OcrFailed');
    writeFileSync(path, 'description: busy\nerror: FailedOperation.ImageBlur\n');
    expect(reloadData(rt)).toEqual([]);
    expect(rt.data).not.toBe(data);
    expect(rt.validators).not.toBe(validators);
    expect(scenario(rt, 'busy')).toMatchObject({ error: 'FailedOperation.ImageBlur', source: path });
    expect(rt.state).toBe(state);
    expect((await coverageReport(rt))['tencent:IDCardOCR']!.covered).toBe(1);
  });

  it('keeps the last good data when a file is broken, and names the file in every problem', () => {
    const { dir, path } = userFolder('broken', 'busy.json', JSON.stringify({ description: 'busy', error: 'FailedOperation.OcrFailed' }));
    const rt = createRuntime(defaultConfig({ scenarioDirs: [dir] }));
    const { data } = rt;
    writeFileSync(path, JSON.stringify({ description: 'busy', latencyMs: -1, fault: 'explode' }));
    const problems = reloadData(rt);
    expect(problems.length).toBeGreaterThanOrEqual(2);
    for (const p of problems) expect(p.startsWith(`${path}: `)).toBe(true);
    expect(rt.data).toBe(data);
    expect(scenario(rt, 'busy')?.error).toBe('FailedOperation.OcrFailed');
  });

  it('--scenario must name a scenario some API has (checked with the data, so user folders count)', async () => {
    expect(() => createRuntime(defaultConfig({ scenario: 'no-such-thing' }))).toThrow(DataError);
    expect(() => createRuntime(defaultConfig({ scenario: 'photocopy,warning:copy' }))).not.toThrow();
    const { dir } = userFolder('named', 'mine.json', JSON.stringify({ description: 'mine', error: 'FailedOperation.OcrFailed' }));
    expect((await createRuntime(defaultConfig({ scenario: 'mine', scenarioDirs: [dir] })).state.bindings.active())?.scenario).toBe('mine');
  });
});

describe('watchData', () => {
  /** The watcher's next report, as a promise; no timers in the test itself. */
  function nextReport(): { events: WatchEvents; next: () => Promise<{ kind: 'reloaded' | 'rejected' | 'failed'; detail: string[] }> } {
    let waiting: ((r: { kind: 'reloaded' | 'rejected' | 'failed'; detail: string[] }) => void) | undefined;
    const queue: { kind: 'reloaded' | 'rejected' | 'failed'; detail: string[] }[] = [];
    const push = (r: { kind: 'reloaded' | 'rejected' | 'failed'; detail: string[] }): void => {
      if (waiting) { waiting(r); waiting = undefined; } else queue.push(r);
    };
    return {
      events: {
        reloaded: (changed) => push({ kind: 'reloaded', detail: changed }),
        rejected: (problems) => push({ kind: 'rejected', detail: problems }),
        failed: (folder, e) => push({ kind: 'failed', detail: [folder, e.message] }),
      },
      next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => { waiting = resolve; })),
    };
  }

  it('reloads after an edit, a new file in a new folder and a broken file (which keeps the last good data)', async () => {
    const { dir, path } = userFolder('watched', 'busy.yaml', 'description: busy\nerror: FailedOperation.OcrFailed\n');
    const rt = createRuntime(defaultConfig({ scenarioDirs: [dir] }));
    const { events, next } = nextReport();
    const watcher = watchData(rt, events, 20);
    try {
      writeFileSync(path, 'description: busy\nerror: FailedOperation.ImageBlur\n');
      expect(await next()).toEqual({ kind: 'reloaded', detail: [path] });
      expect(scenario(rt, 'busy')?.error).toBe('FailedOperation.ImageBlur');

      const macao = join(dir, 'tencent/ocr/RecognizeMacaoIDCardOCR');
      mkdirSync(macao, { recursive: true });
      writeFileSync(join(macao, 'copy.yml'), 'description: a copy\nwarnings: [copy]\n');
      // The folder and then the file may come as two reports; wait for the one that has the file.
      while (!rt.data.apis.get('tencent:RecognizeMacaoIDCardOCR')!.scenarios.has('copy')) { const r = await next(); expect(r, r.detail.join('\n')).toMatchObject({ kind: 'reloaded' }); }

      writeFileSync(path, 'description: [busy\n');
      const report = await next();
      expect(report.kind).toBe('rejected');
      expect(report.detail[0]).toMatch(new RegExp(`^${path}: not valid YAML: `));
      expect(scenario(rt, 'busy')?.error).toBe('FailedOperation.ImageBlur');
    } finally {
      watcher.close();
    }
  });
});
