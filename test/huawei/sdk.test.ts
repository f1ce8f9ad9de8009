import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sandboxHome, sdkError } from '../helpers/huaweiOcrClient.ts';
import { PROJECT_ID } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { isValidIdNumber } from '../../src/identity/index.ts';

// Through @huaweicloud/huaweicloud-sdk-core, with RecognizeIdCard built as the generated OcrClient builds it.
let server: TestServer;
beforeAll(async () => {
  sandboxHome();
  server = await startServer();
});
afterAll(() => server.close());

const front = makeCardImage({ seed: 'hw-sdk' }).toString('base64');
const back = makeCardImage({ seed: 'hw-sdk', markers: { side: 'back' } }).toString('base64');

describe('RecognizeIdCard through the Node SDK core', () => {
  it('reads the front: snake_case fields, honest verification, the request id copied from X-Request-Id', async () => {
    const res = await ocrClient(server.url, { projectId: PROJECT_ID }).recognizeIdCard({ body: { image: front, side: 'front', return_verification: true } });
    const result = res.result as Record<string, unknown>;
    expect(res.httpStatusCode).toBe(200);
    expect(res['X-Request-Id']).toMatch(/^[0-9a-f]{32}$/);
    expect(isValidIdNumber(result.number as string)).toBe(true);
    expect(result.birth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.verification_result).toEqual({ valid_number: true, valid_birth: true, valid_sex: true, valid_date: false, valid_validity_period: false });
    expect(result).not.toHaveProperty('issue');
  });

  it('auto-detects the back of a fixture image marked side=back', async () => {
    const res = await ocrClient(server.url, { projectId: PROJECT_ID }).recognizeIdCard({ body: { image: back, return_portrait_image: true } });
    const result = res.result as Record<string, unknown>;
    expect(Object.keys(result).sort()).toEqual(['issue', 'portrait_image', 'valid_from', 'valid_to']);
    expect(result.portrait_image).toBe('');
  });

  it('reads both sides with double_side into front and back, with the split verification keys', async () => {
    const res = await ocrClient(server.url, { projectId: PROJECT_ID }).recognizeIdCard({ body: { image: front, side: 'double_side', return_verification: true } });
    const result = res.result as Record<string, Record<string, unknown>>;
    expect(Object.keys(result).sort()).toEqual(['back', 'front']);
    expect(Object.keys(result.front!.verification_result as object).sort()).toEqual(['valid_birth', 'valid_number', 'valid_sex']);
    expect(result.back!.verification_result).toEqual({ valid_date: true, valid_validity_period: true });
  });

  it('a wrong SK is ClientRequestException 401 APIG.0301 with the request id', async () => {
    const e = await sdkError(ocrClient(server.url, { projectId: PROJECT_ID, sk: 'WRONGSK' }).recognizeIdCard({ body: { image: front } }));
    expect(e.constructor.name).toBe('ClientRequestException');
    expect(e).toMatchObject({ httpStatusCode: 401, errorCode: 'APIG.0301', errorMsg: 'Incorrect IAM authentication information: verify aksk signature fail' });
    expect(e.requestId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('with a region and no project id, asks the emulator as its IAM endpoint for the project id first', async () => {
    const res = await ocrClient(server.url, { region: 'cn-north-4', iamEndpoint: server.url }).recognizeIdCard({ body: { image: front } });
    expect((res.result as Record<string, unknown>).name).toBeTruthy();
    const calls = (await server.runtime.state.journal.list()).slice(-2).map((j) => [j.action, j.outcome]);
    expect(calls).toEqual([['KeystoneListProjects', 'ok'], ['RecognizeIdCard', 'ok']]);
  });

  it('without a project id or region the SDK sends the %7Bproject_id%7D placeholder, refused with a clear message', async () => {
    const e = await sdkError(ocrClient(server.url).recognizeIdCard({ body: { image: front } }));
    expect(e).toMatchObject({ httpStatusCode: 403, errorCode: 'APIG.0310' });
    expect(e.errorMsg).toContain('%7Bproject_id%7D');
  });
});
