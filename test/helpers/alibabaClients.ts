import { Readable } from 'node:stream';
import ocrSdk, { RecognizeIdcardRequest } from '@alicloud/ocr-api20210707';
import cloudauthSdk, { Id2MetaVerifyRequest } from '@alicloud/cloudauth20190307';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { WELL_KNOWN } from './wellKnown.ts';

// CommonJS modules whose class is `exports.default`: Node's ESM loader gives the exports object, Vite the class itself.
type OcrClient = InstanceType<typeof ocrSdk.default>;
type CloudauthClient = InstanceType<typeof cloudauthSdk.default>;
const OcrClient = ((ocrSdk as { default?: unknown }).default ?? ocrSdk) as typeof ocrSdk.default;
const CloudauthClient = ((cloudauthSdk as { default?: unknown }).default ?? cloudauthSdk) as typeof cloudauthSdk.default;

export const ACCESS_KEY_ID = WELL_KNOWN.alibaba.accessKeyId;
export const ACCESS_KEY_SECRET = WELL_KNOWN.alibaba.accessKeySecret;

export interface ClientOptions { accessKeyId?: string; accessKeySecret?: string; headers?: Record<string, string>; signatureAlgorithm?: string }

/** The SDK's Config pointed at the emulator over http, with mock-only headers (X-Mock-Scenario) as global headers. */
function config(endpoint: string, o: ClientOptions): $OpenApiUtil.Config {
  return new $OpenApiUtil.Config({
    accessKeyId: o.accessKeyId ?? ACCESS_KEY_ID,
    accessKeySecret: o.accessKeySecret ?? ACCESS_KEY_SECRET,
    endpoint,
    protocol: 'http',
    ...(o.signatureAlgorithm ? { signatureAlgorithm: o.signatureAlgorithm } : {}),
    ...(o.headers ? { globalParameters: new $OpenApiUtil.GlobalParameters({ headers: o.headers }) } : {}),
  });
}

export const ocrClient = (endpoint: string, o: ClientOptions = {}): OcrClient => new OcrClient(config(endpoint, o));
export const cloudauthClient = (endpoint: string, o: ClientOptions = {}): CloudauthClient => new CloudauthClient(config(endpoint, o));

/** RecognizeIdcard with the image as the body (a stream, as the SDK takes it) or a Url. */
export function recognizeIdcard(endpoint: string, p: { image?: Buffer; url?: string; outputQualityInfo?: boolean; outputFigure?: boolean }, o: ClientOptions = {}) {
  return ocrClient(endpoint, o).recognizeIdcard(new RecognizeIdcardRequest({
    ...(p.image ? { body: Readable.from([p.image]) } : {}),
    ...(p.url ? { url: p.url } : {}),
    ...(p.outputQualityInfo !== undefined ? { outputQualityInfo: p.outputQualityInfo } : {}),
    ...(p.outputFigure !== undefined ? { outputFigure: p.outputFigure } : {}),
  }));
}

export function id2MetaVerify(endpoint: string, p: { userName?: string; identifyNum?: string; paramType?: string }, o: ClientOptions = {}) {
  return cloudauthClient(endpoint, o).id2MetaVerify(new Id2MetaVerifyRequest(p));
}

/**
 * Any Alibaba API of the data, by its action name, with the request parameters as the data names them
 * (`Url`, `body` as base64, `UserName`): through the SDK's own request model and method.
 */
export async function callAlibaba(endpoint: string, action: string, params: Record<string, unknown>, o: ClientOptions = {}): Promise<{ statusCode?: number; body?: unknown }> {
  const model: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'body') model.body = Readable.from([Buffer.from(String(v), 'base64')]);
    else model[k === 'Llm_rec' ? 'llmRec' : k.charAt(0).toLowerCase() + k.slice(1)] = v;
  }
  if (action === 'RecognizeIdcard') return ocrClient(endpoint, o).recognizeIdcard(new RecognizeIdcardRequest(model));
  if (action === 'Id2MetaVerify') return cloudauthClient(endpoint, o).id2MetaVerify(new Id2MetaVerifyRequest(model));
  throw new Error(`no Alibaba SDK method for ${action}`);
}
