import * as ocrSdk from 'tencentcloud-sdk-nodejs-ocr';
import { WELL_KNOWN } from './wellKnown.ts';

export const SECRET_ID = WELL_KNOWN.tencent.secretId;
export const SECRET_KEY = WELL_KNOWN.tencent.secretKey;

export type SignMethod = 'TC3-HMAC-SHA256' | 'HmacSHA256' | 'HmacSHA1';

export interface ClientOptions {
  signMethod?: SignMethod;
  reqMethod?: 'POST' | 'GET';
  language?: 'zh-CN' | 'en-US';
  secretKey?: string;
  secretId?: string;
  /** Sent on every request, e.g. { 'X-Mock-Scenario': 'warning:-9102' } */
  headers?: Record<string, string>;
}

/** The real tencentcloud-sdk-nodejs-ocr client, pointed at the emulator as a user would. */
export function ocrClient(endpoint: string, o: ClientOptions = {}) {
  return new ocrSdk.ocr.v20181119.Client({
    credential: { secretId: o.secretId ?? SECRET_ID, secretKey: o.secretKey ?? SECRET_KEY },
    region: 'ap-guangzhou',
    profile: {
      signMethod: o.signMethod ?? 'TC3-HMAC-SHA256',
      language: o.language,
      httpProfile: { endpoint, protocol: 'http://', reqMethod: o.reqMethod ?? 'POST', headers: o.headers },
    },
  });
}

/** Resolves to the SDK's exception (TencentCloudSDKException: code, message, requestId) or fails the test. */
export async function sdkError(p: Promise<unknown>): Promise<{ code: string; message: string; requestId: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; requestId: string };
  }
  throw new Error('expected the SDK call to fail');
}

// tencentcloud-sdk-nodejs-intl-en is CommonJS and untyped; its clients are callback style and sign
// with v1 HmacSHA256 in a form POST by default (its common/profile/client_profile.js: signMethod || "HmacSHA256").
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
// Its OCR service alone: the package's index loads every service (1.1 s against 0.2 s here).
const intl = { ocr: require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/ocr/index.js') as {
  v20181119: { Client: new (...args: unknown[]) => Record<string, (req: unknown, cb: (err: unknown, res: unknown) => void) => void> };
} };
const Credential = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/credential.js');
const ClientProfile = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/profile/client_profile.js');
const HttpProfile = require('tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/profile/http_profile.js');

/** The intl-en OCR client with its defaults (v1 HmacSHA256 form POST); `call('IDCardOCR', req)` as a promise. */
export function intlOcrClient(endpoint: string, o: { signMethod?: SignMethod; secretKey?: string; headers?: Record<string, string> } = {}) {
  const client = new intl.ocr.v20181119.Client(
    new Credential(SECRET_ID, o.secretKey ?? SECRET_KEY),
    '',
    new ClientProfile(o.signMethod ?? 'HmacSHA256', new HttpProfile('http://', endpoint, 'POST', 60, o.headers ?? {})),
  );
  return {
    call: <T = Record<string, unknown>>(action: string, req: Record<string, unknown>): Promise<T> =>
      new Promise((resolve, reject) => {
        client[action]!(req, (err, res) => (err ? reject(err) : resolve(res as T)));
      }),
  };
}

// The faceid client of tencentcloud-sdk-nodejs, loaded from its service folder (the package index loads
// every Tencent service). node-intl has no IdCardOCRVerification (tencentcloud-sdk-nodejs-intl-en
// faceid/v20180301/faceid_client.js), so intl users use this client too.
import { faceid } from 'tencentcloud-sdk-nodejs/tencentcloud/services/faceid/index.js';

/** The real tencentcloud-sdk-nodejs faceid client (2018-03-01), pointed at the emulator as a user would. */
export function faceidClient(endpoint: string, o: ClientOptions = {}) {
  return new faceid.v20180301.Client({
    credential: { secretId: o.secretId ?? SECRET_ID, secretKey: o.secretKey ?? SECRET_KEY },
    profile: {
      signMethod: o.signMethod ?? 'TC3-HMAC-SHA256',
      language: o.language,
      httpProfile: { endpoint, protocol: 'http://', reqMethod: o.reqMethod ?? 'POST', headers: o.headers },
    },
  });
}
