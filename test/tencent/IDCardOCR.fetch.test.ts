import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { standingClock, startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

/** A local image host: /card.jpg is a card, /back.jpg a marked emblem side, anything else 404. */
let host: Server;
let base: string;
let server: TestServer;
beforeAll(async () => {
  host = createServer((req, res) => {
    if (req.url === '/card.jpg') res.end(makeCardImage({ seed: 'fetched' }));
    else if (req.url === '/back.jpg') res.end(makeCardImage({ seed: 'fetched', markers: { side: 'BACK' } }));
    else if (req.url?.startsWith('/hop/')) {
      // /hop/N redirects N times, then to the card
      const n = Number(req.url.slice(5));
      res.writeHead(302, { Location: n > 1 ? `/hop/${n - 1}` : '/card.jpg' }).end();
    }
    else res.writeHead(404).end();
  }).listen(0, '127.0.0.1');
  await new Promise((r) => host.once('listening', r));
  base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  server = await startServer({ rateLimit: false, fetchImageUrls: true, now: standingClock() });
});
afterAll(async () => {
  await server.close();
  host.close();
});

describe('--fetch-image-urls', () => {
  it('downloads ImageUrl and reads the image: the same person as the same bytes sent as base64', async () => {
    const byUrl = await ocrClient(server.endpoint).IDCardOCR({ ImageUrl: `${base}/card.jpg` });
    const byBytes = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: makeCardImage({ seed: 'fetched' }).toString('base64') });
    expect(byUrl.IdNum).toBe(byBytes.IdNum);
    const back = await ocrClient(server.endpoint).IDCardOCR({ ImageUrl: `${base}/back.jpg` });
    expect(back.Authority).not.toBe('');
  });

  it('follows at most 3 redirects, and only http(s)', async () => {
    const sdk = ocrClient(server.endpoint);
    expect((await sdk.IDCardOCR({ ImageUrl: `${base}/hop/3` })).IdNum).toMatch(/^\d{17}/);
    expect((await sdkError(sdk.IDCardOCR({ ImageUrl: `${base}/hop/4` }))).code).toBe('FailedOperation.DownLoadError');
    const dataUrl = `data:image/jpeg;base64,${makeCardImage({ seed: 'fetched' }).toString('base64')}`;
    expect((await sdkError(sdk.IDCardOCR({ ImageUrl: dataUrl }))).code).toBe('FailedOperation.DownLoadError');
  });

  it('a failed download gives FailedOperation.DownLoadError', async () => {
    const err = await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageUrl: `${base}/missing.jpg` }));
    expect(err.code).toBe('FailedOperation.DownLoadError');
  });
});
