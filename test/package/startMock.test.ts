import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startMock, WELL_KNOWN, type Mock } from '../../src/index.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { tc3Headers } from '../helpers/signTc3.ts';

// The in-process API as a project's tests use it (the package entry, src/index.ts): several emulators in
// one process, each with its own people, bindings, journal, clock and coverage.
const card = { ImageUrl: 'https://example.com/front.jpg' };
const OTHER_ID = 'AKIDOTHERCALLER0000000000000000000000';

describe('two startMock instances at once', () => {
  let a: Mock;
  let b: Mock;
  beforeAll(async () => {
    [a, b] = await Promise.all([startMock({ seed: 'seed-a' }), startMock({ seed: 'seed-b' })]);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));
  afterEach(() => { a.reset(); b.reset(); a.clock.follow(); b.clock.follow(); });

  it('listen on their own free ports', () => {
    expect(a.port).not.toBe(b.port);
    expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
    expect(a.endpoint).toBe(`127.0.0.1:${a.port}`);
  });

  it('different seeds give different people for the same image; the same seed the same person', async () => {
    // People are drawn per China calendar day: the clocks stand at one instant, so that midnight cannot
    // fall between the calls (the SDK signs with the real time, a moment later).
    const now = Date.now();
    await a.clock.set(now);
    await b.clock.set(now);
    const [pa, pb] = await Promise.all([ocrClient(a.endpoint).IDCardOCR(card), ocrClient(b.endpoint).IDCardOCR(card)]);
    expect(pa.IdNum).not.toBe(pb.IdNum);
    const again = await startMock({ seed: 'seed-a' });
    try {
      await again.clock.set(now);
      expect((await ocrClient(again.endpoint).IDCardOCR(card)).IdNum).toBe(pa.IdNum);
    } finally {
      await again.close();
    }
  });

  it('a binding on one does not affect the other', async () => {
    await a.bind(WELL_KNOWN.tencent!.secretId!, 'FailedOperation.ImageBlur');
    expect((await sdkError(ocrClient(a.endpoint).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
    await expect(ocrClient(b.endpoint).IDCardOCR(card)).resolves.toHaveProperty('IdNum');
    expect((await a.journal()).map((e) => e.outcome)).toEqual(['FailedOperation.ImageBlur']);
    expect((await b.journal()).map((e) => e.outcome)).toEqual(['ok']);
  });

  it('the active scenario, the clock, reset and coverage are each instance\'s own', async () => {
    await a.setActive('FailedOperation.OcrFailed');
    await a.clock.set('2030-01-01T00:00:00Z');
    expect((await b.clock.now())).toBeLessThan(Date.parse('2030-01-01T00:00:00Z'));
    await ocrClient(b.endpoint).IDCardOCR(card);
    expect((await b.coverage())['tencent:IDCardOCR']!.errors['FailedOperation.OcrFailed']).toBe(false);
    await a.reset();
    expect((await b.journal())).toHaveLength(1);
  });
});

describe('one startMock instance', () => {
  let mock: Mock;
  beforeAll(async () => { mock = await startMock({ seed: 'one' }); });
  afterAll(() => mock.close());
  afterEach(() => { mock.reset(); mock.clock.follow(); });

  it('bind takes a name, names comma-separated, or steps with times; unbind removes it', async () => {
    await mock.bind(OTHER_ID, { steps: ['RequestLimitExceeded', {}], repeatLast: true });
    const other = ocrClient(mock.endpoint, { secretId: OTHER_ID });
    expect((await sdkError(other.IDCardOCR(card))).code).toBe('RequestLimitExceeded');
    await expect(other.IDCardOCR(card)).resolves.toHaveProperty('IdNum');
    await expect(ocrClient(mock.endpoint).IDCardOCR(card)).resolves.toHaveProperty('IdNum');
    expect(await mock.bind(OTHER_ID, 'FailedOperation.ImageBlur,warning:copy')).toMatchObject({ scenario: 'FailedOperation.ImageBlur,warning:copy' });
    expect(await mock.unbind(OTHER_ID)).toBe(true);
    expect(await mock.unbind(OTHER_ID)).toBe(false);
    await expect(other.IDCardOCR(card)).resolves.toHaveProperty('IdNum');
  });

  it('bind and setActive refuse what PUT /__mock/bindings refuses, naming it', async () => {
    await expect(mock.bind(OTHER_ID, 'FailedOperation.NoSuchThing')).rejects.toThrow('idcard-mock: no API has a scenario named FailedOperation.NoSuchThing');
    await expect(mock.bind(OTHER_ID, { steps: [] })).rejects.toThrow('`steps` must be a non-empty list');
    await expect(mock.bind(OTHER_ID, { scenario: 'InternalError', times: 0 })).rejects.toThrow('`times` must be a positive integer');
    await expect(mock.setActive('nope')).rejects.toThrow('no API has a scenario named nope');
  });

  it('bind and setActive check each step as a scenario file\'s, naming the mistake and the nearest name', async () => {
    await expect(mock.bind(OTHER_ID, { steps: [{ eror: 'X' } as never] })).rejects.toThrow('idcard-mock: /steps/0: unknown key eror (did you mean error?); allowed: error, warnings,');
    await expect(mock.bind(OTHER_ID, { steps: [{ error: 'FailedOperation.ImageBlurr' }] })).rejects.toThrow('/steps/0/error: no API has the error code FailedOperation.ImageBlurr (did you mean FailedOperation.ImageBlur?)');
    await expect(mock.setActive({ steps: [{ latencyMs: -5 }] })).rejects.toThrow(/^idcard-mock: \/steps\/0\/latencyMs must be at least 0, got -5$/);
    await expect(mock.setActive({ steps: [{ fault: 'explode' as never }] })).rejects.toThrow('/steps/0/fault must be one of hang, reset, truncated, http-502, http-504, got "explode"');
    await expect(mock.setActive('FailedOperation.ImageBlurr')).rejects.toThrow('no API has a scenario named FailedOperation.ImageBlurr (did you mean FailedOperation.ImageBlur?)');
    await expect(mock.bind(OTHER_ID, { steps: ['InternalError', 'ok'] })).rejects.toThrow('/steps/1: "ok" is not a scenario; write {} for the plain answer');
    expect((await mock.bind(OTHER_ID, { steps: ['InternalError', {}] })).steps).toEqual([{ scenario: 'InternalError' }, {}]);
  });

  it('setActive applies to every caller without a binding until cleared', async () => {
    await mock.setActive({ scenario: 'FailedOperation.ImageBlur', times: 1 });
    expect((await sdkError(ocrClient(mock.endpoint, { secretId: OTHER_ID }).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
    await expect(ocrClient(mock.endpoint, { secretId: OTHER_ID }).IDCardOCR(card)).resolves.toHaveProperty('IdNum');
    await mock.setActive('InternalError');
    expect(await mock.setActive(undefined)).toBeUndefined();
    await expect(ocrClient(mock.endpoint).IDCardOCR(card)).resolves.toHaveProperty('IdNum');
  });

  it('journal filters as GET /__mock/journal does: api, caller, outcome, since', async () => {
    await mock.bind(OTHER_ID, 'FailedOperation.ImageBlur');
    await ocrClient(mock.endpoint).IDCardOCR(card);
    await sdkError(ocrClient(mock.endpoint, { secretId: OTHER_ID }).IDCardOCR(card));
    expect(await mock.journal()).toHaveLength(2);
    expect((await mock.journal({ caller: OTHER_ID })).map((e) => e.outcome)).toEqual(['FailedOperation.ImageBlur']);
    expect((await mock.journal({ outcome: 'ok' })).map((e) => e.caller)).toEqual([WELL_KNOWN.tencent!.secretId!]);
    expect(await mock.journal({ api: 'IdCardOCRVerification' })).toEqual([]);
    expect(await mock.journal({ since: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await mock.journal({ since: 0 })).toHaveLength(2);
    await expect(mock.journal({ since: 'yesterday' })).rejects.toThrow('`since` must be');
  });

  it('the clock is set, advanced and followed; its time is the journal\'s', async () => {
    await mock.clock.set(new Date('2030-01-01T00:00:00Z'));
    await mock.clock.advance('25h');
    await mock.clock.advance(1000);
    expect(new Date(await mock.clock.now()).toISOString()).toBe('2030-01-02T01:00:01.000Z');
    await expect(mock.clock.advance('soon')).rejects.toThrow('clock.advance takes');
    await expect(mock.clock.set('never')).rejects.toThrow('clock.set takes');
    await mock.clock.follow(true);
    expect(await mock.clock.now()).toBeGreaterThanOrEqual(Date.parse('2030-01-02T01:00:01Z'));
    await mock.clock.follow();
    expect(await mock.clock.now()).toBeLessThan(Date.parse('2030-01-01T00:00:00Z'));
  });

  it('coverage counts what this instance produced', async () => {
    await mock.bind(WELL_KNOWN.tencent!.secretId!, 'FailedOperation.ImageBlur');
    await sdkError(ocrClient(mock.endpoint).IDCardOCR(card));
    const report = (await mock.coverage())['tencent:IDCardOCR']!;
    expect(report.errors['FailedOperation.ImageBlur']).toBe(true);
    expect(report.covered).toBe(1);
  });
});

describe('startMock options and close', () => {
  it('refuses options as the CLI refuses its flags, naming each mistake (for plain-JavaScript callers too)', async () => {
    const refused = (options: unknown): Promise<unknown> => startMock(options as never);
    await expect(refused({ scenarios: ['/nonexistent'] })).rejects.toThrow('idcard-mock: scenarios /nonexistent: no such folder');
    await expect(refused({ scenarios: '/nonexistent' })).rejects.toThrow('idcard-mock: scenarios /nonexistent: no such folder');
    await expect(refused({ auth: 'maybe' })).rejects.toThrow('idcard-mock: auth must be one of lenient, strict, off, got "maybe"');
    await expect(refused({ flavor: 'mars' })).rejects.toThrow('idcard-mock: flavor must be one of domestic, intl, got "mars"');
    await expect(refused({ port: 'abc' })).rejects.toThrow('idcard-mock: port must be an integer, got "abc"');
    await expect(refused({ prot: 0 })).rejects.toThrow('idcard-mock: unknown option prot (did you mean port?); the options are port, host, auth,');
    await expect(refused({ now: 5 })).rejects.toThrow('idcard-mock: now must be a function, got 5');
  });

  it('reports every mistake of the options at once', async () => {
    await expect(startMock({ auth: 'maybe', port: 'abc', scenarios: ['/nonexistent'] } as never)).rejects.toThrow(
      'idcard-mock: port must be an integer, got "abc"; auth must be one of lenient, strict, off, got "maybe"; scenarios /nonexistent: no such folder',
    );
  });

  it('takes the settings of `start`: the active scenario of `scenario` comes back after reset', async () => {
    const mock = await startMock({ scenario: 'FailedOperation.ImageBlur', auth: 'strict' });
    try {
      await mock.reset();
      expect((await sdkError(ocrClient(mock.endpoint).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
      expect((await sdkError(ocrClient(mock.endpoint, { secretId: OTHER_ID }).IDCardOCR(card))).code).toBe('AuthFailure.SecretIdNotFound');
    } finally {
      await mock.close();
    }
  });

  it('takes folders of the project\'s own scenario files (`scenarios`, as the config file names them)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idcard-mock-scenarios-'));
    mkdirSync(join(dir, 'tencent/ocr/IDCardOCR'), { recursive: true });
    writeFileSync(join(dir, 'tencent/ocr/IDCardOCR/our-blur.json'), JSON.stringify({ description: 'ours', error: 'FailedOperation.ImageBlur' }));
    const mock = await startMock({ scenarios: dir });
    try {
      await mock.bind(WELL_KNOWN.tencent!.secretId!, 'our-blur');
      expect((await sdkError(ocrClient(mock.endpoint).IDCardOCR(card))).code).toBe('FailedOperation.ImageBlur');
    } finally {
      await mock.close();
      rmSync(dir, { recursive: true });
    }
  });

  it('rejects when the port is taken', async () => {
    const first = await startMock();
    try {
      await expect(startMock({ port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
    }
  });

  it('close ends kept-alive and hanging connections, and can be called again', async () => {
    const mock = await startMock();
    const agent = new Agent({ keepAlive: true });
    const body = JSON.stringify(card);
    const send = (): Promise<string> => new Promise((resolve) => {
      const req = request(`${mock.url}/`, { method: 'POST', agent, headers: tc3Headers({ host: mock.endpoint, body }) }, (res) => {
        res.resume().on('end', () => resolve(`answered ${res.statusCode}`));
      });
      req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      req.end(body);
    });
    expect(await send()).toBe('answered 200'); // its socket stays open in the agent
    await mock.bind(WELL_KNOWN.tencent!.secretId!, { steps: [{ fault: 'hang' }] });
    const hanging = send();
    await expect.poll(async () => (await mock.journal()).length).toBe(2);
    await mock.close();
    await mock.close();
    expect(await hanging).toBe('ECONNRESET');
    agent.destroy();
  });
});
