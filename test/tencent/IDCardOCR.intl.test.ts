import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { intlOcrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { isValidIdNumber } from '../../src/identity/index.ts';

const image = makeCardImage({ seed: 'intl' }).toString('base64');

let server: TestServer;
beforeAll(async () => { server = await startServer({ rateLimit: false }); });
afterAll(() => server.close());

describe('IDCardOCR through tencentcloud-sdk-nodejs-intl-en (v1 HmacSHA256 form POST by default)', () => {
  it('reads the photo side', async () => {
    const r = await intlOcrClient(server.endpoint).call<Record<string, string>>('IDCardOCR', { ImageBase64: image, CardSide: 'FRONT' });
    expect(isValidIdNumber(r.IdNum!)).toBe(true);
    expect(r.Name).not.toBe('');
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([]);
  });

  it('is answered as the intl flavour (from its request client), and reports the intl warning code -9100', async () => {
    const client = intlOcrClient(server.endpoint, { headers: { 'X-Mock-Scenario': 'warning:-9100' } });
    const r = await client.call<Record<string, string>>('IDCardOCR', { ImageBase64: image, Config: JSON.stringify({ InvalidDateWarn: true }) });
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9100]);
    const journal = (await server.runtime.state.journal.list());
    expect(journal.at(-1)).toMatchObject({ action: 'IDCardOCR', flavor: 'intl', scenarios: ['warning:-9100'], outcome: 'ok' });
  });

  it('gives ImageSizeTooLarge over the intl limit of 7 MB of base64', async () => {
    const big = 'A'.repeat(7 * 1024 * 1024 + 4);
    const err = await sdkError(intlOcrClient(server.endpoint, { signMethod: 'TC3-HMAC-SHA256' }).call('IDCardOCR', { ImageBase64: big }));
    expect(err.code).toBe('FailedOperation.ImageSizeTooLarge');
  });

  it('a wrong key gives AuthFailure.SignatureFailure with the v1 signature too', async () => {
    const err = await sdkError(intlOcrClient(server.endpoint, { secretKey: 'nope' }).call('IDCardOCR', { ImageBase64: image }));
    expect(err.code).toBe('AuthFailure.SignatureFailure');
  });
});
