import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { Agent } from 'node:https';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ocrSdk from 'tencentcloud-sdk-nodejs-ocr';
import { createServer, type MockServer } from '../src/server.ts';
import type { Server as HttpsServer } from 'node:https';
import { ensureCertificate, type Certificate } from '../src/tls/ensureCertificate.ts';
import { defaultTlsDir } from '../src/tls/defaultTlsDir.ts';
import { makeCardImage } from '../src/images/makeCardImage.ts';
import { isValidIdNumber } from '../src/identity/index.ts';
import { SECRET_ID, SECRET_KEY } from './helpers/tencentClients.ts';

let dir: string;
let cert: Certificate;
let server: MockServer<HttpsServer>;
let endpoint: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'idcard-mock-tls-'));
  cert = await ensureCertificate(dir);
  server = createServer({ checkResponses: true }, cert).listen(0, '127.0.0.1');
  await once(server, 'listening');
  endpoint = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real Tencent Node SDK over https; `agent` is how it lets a caller choose the CA to trust. */
function httpsOcrClient(agent?: Agent) {
  return new ocrSdk.ocr.v20181119.Client({
    credential: { secretId: SECRET_ID, secretKey: SECRET_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint, protocol: 'https://', agent } },
  });
}

describe('--tls: HTTPS with a self-signed certificate', () => {
  it('the Tencent Node SDK over https://, trusting the certificate, gets a person', async () => {
    const client = httpsOcrClient(new Agent({ ca: readFileSync(cert.certPath) }));
    const r = await client.IDCardOCR({ ImageBase64: makeCardImage({ seed: 'tls' }).toString('base64'), CardSide: 'FRONT' });
    expect(r.Name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
    expect(isValidIdNumber(r.IdNum!)).toBe(true);
  });

  it('is real TLS: a client that does not trust the certificate is refused', async () => {
    await expect(httpsOcrClient(new Agent()).IDCardOCR({ ImageBase64: makeCardImage().toString('base64') })).rejects.toThrow(/self.signed/i);
  });

  it('is made once, kept in its folder and reused', async () => {
    expect(cert.generated).toBe(true);
    expect(cert.certPath).toBe(join(dir, 'cert.pem'));
    const again = await ensureCertificate(dir);
    expect(again.generated).toBe(false);
    expect(again.cert).toBe(cert.cert);
  });

  it('is made again when the files do not pair up, or when it is about to expire', async () => {
    const other = mkdtempSync(join(tmpdir(), 'idcard-mock-tls-'));
    try {
      const first = await ensureCertificate(other);
      writeFileSync(join(other, 'key.pem'), readFileSync(join(dir, 'key.pem')));
      const remade = await ensureCertificate(other);
      expect(remade.generated).toBe(true);
      expect(remade.cert).not.toBe(first.cert);
      const later = new Date(Date.now() + 824 * 24 * 3600 * 1000);
      expect((await ensureCertificate(other, later)).generated).toBe(true);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('lives in the user cache folder by default ($XDG_CACHE_HOME when absolute, else ~/.cache)', () => {
    expect(defaultTlsDir({ XDG_CACHE_HOME: '/x/cache' }, '/home/u')).toBe('/x/cache/idcard-mock');
    expect(defaultTlsDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/idcard-mock');
    expect(defaultTlsDir({}, '/home/u')).toBe('/home/u/.cache/idcard-mock');
  });
});
