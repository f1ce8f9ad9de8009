import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { tc3Headers } from '../helpers/signTc3.ts';
import { WELL_KNOWN } from '../../src/wellKnown.ts';

// PUT /__mock/bindings/{credential} and /__mock/active as a user types them: each mistake is a 400 that
// names the key or value, lists what is allowed and suggests the nearest name, instead of a 200 that then
// serves a plain answer, a made-up error or a hang.
let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

const put = async (path: string, body: unknown): Promise<{ status: number; error: string }> => {
  const res = await fetch(`${server.url}/__mock/${path}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as { error?: string };
  return { status: res.status, error: json.error ?? '' };
};

describe.each(['bindings/AKID-checks', 'active'])('PUT /__mock/%s refuses', (path) => {
  it('an unknown key in a step, naming it, the nearest key and the allowed ones', async () => {
    const { status, error } = await put(path, { steps: [{ eror: 'FailedOperation.ImageBlur' }] });
    expect(status).toBe(400);
    expect(error).toBe('idcard-mock: /steps/0: unknown key eror (did you mean error?); allowed: error, warnings, response, result, latencyMs, fault, scenario, description');
  });

  it('an error code no API has, with the nearest code', async () => {
    const { status, error } = await put(path, { steps: [{ error: 'FailedOperation.ImageBlurr' }] });
    expect(status).toBe(400);
    expect(error).toContain('/steps/0/error: no API has the error code FailedOperation.ImageBlurr (did you mean FailedOperation.ImageBlur?)');
  });

  it('a negative latency, in one message (not one per branch of the schema)', async () => {
    expect(await put(path, { steps: [{ latencyMs: -5 }] })).toEqual({ status: 400, error: 'idcard-mock: /steps/0/latencyMs must be at least 0, got -5' });
    expect(await put(path, { steps: [{ latencyMs: 'soon' }] })).toEqual({ status: 400, error: 'idcard-mock: /steps/0/latencyMs must be an integer or a mapping of keys to values, got "soon"' });
  });

  it('a fault that does not exist, listing the faults and suggesting the nearest', async () => {
    expect(await put(path, { steps: [{ fault: 'explode' }] })).toEqual({ status: 400, error: 'idcard-mock: /steps/0/fault must be one of hang, reset, truncated, http-502, http-504, got "explode"' });
    expect((await put(path, { steps: [{ fault: 'hangs' }] })).error).toContain('got "hangs" (did you mean hang?)');
  });

  it('a warning or a result no API has, with the nearest', async () => {
    const { status, error } = await put(path, { steps: [{ warnings: ['cpy'], result: '-44' }] });
    expect(status).toBe(400);
    expect(error).toContain('/steps/0/warnings: no API has the warning cpy (did you mean copy?)');
    expect(error).toContain('/steps/0/result: no API has the result code -44 (did you mean -4?)');
  });

  it('a scenario name no API has, with the nearest name', async () => {
    expect(await put(path, { scenario: 'FailedOperation.ImageBlurr' })).toEqual({
      status: 400,
      error: 'idcard-mock: no API has a scenario named FailedOperation.ImageBlurr (did you mean FailedOperation.ImageBlur?) (GET /__mock/scenarios lists them)',
    });
    expect((await put(path, { steps: ['photocopy', { scenario: 'photocopyy' }] })).error).toContain('/steps/1/scenario: no API has a scenario named photocopyy (did you mean photocopy?)');
  });

  it('"ok", "success" and "default" as a step, saying that the plain answer is {}', async () => {
    const { status, error } = await put(path, { steps: ['FailedOperation.ImageBlur', 'ok', 'success', 'default'] });
    expect(status).toBe(400);
    expect(error).toBe('idcard-mock: /steps/1: "ok" is not a scenario; write {} for the plain answer; /steps/2: "success" is not a scenario; write {} for the plain answer; /steps/3: "default" is not a scenario; write {} for the plain answer');
  });

  it('an unknown key of the binding itself, with the nearest', async () => {
    expect((await put(path, { step: [{}] })).error).toContain('unknown key step (did you mean steps?); allowed: scenario, steps, times, repeatLast');
  });
});

describe('what is right still binds', () => {
  const ask = async (): Promise<unknown> => {
    const body = JSON.stringify({ ImageUrl: 'https://example.com/front.jpg' });
    const res = await fetch(`${server.url}/`, { method: 'POST', headers: tc3Headers({ host: server.endpoint, body }), body });
    return (await res.json() as { Response: { Error?: { Code: string } } }).Response.Error?.Code ?? 'plain';
  };

  it('steps of names and outcomes, {} the plain answer, a range of latency', async () => {
    const steps = ['FailedOperation.ImageBlur', { error: 'FailedOperation.OcrFailed', latencyMs: { min: 0, max: 0 } }, {}];
    const { status } = await put(`bindings/${WELL_KNOWN.tencent.secretId}`, { steps, repeatLast: false });
    expect(status).toBe(200);
    expect([await ask(), await ask(), await ask()]).toEqual(['FailedOperation.ImageBlur', 'FailedOperation.OcrFailed', 'plain']);
    await fetch(`${server.url}/__mock/bindings/${WELL_KNOWN.tencent.secretId}`, { method: 'DELETE' });
  });
});
