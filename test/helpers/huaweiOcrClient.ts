import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient.js';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js';
import { Region } from '@huaweicloud/huaweicloud-sdk-core/region/region.js';
import { AK, SK } from './huaweiSign.ts';

/**
 * The SDKs write ~/.huaweicloud/application_id on first use (@huaweicloud/huaweicloud-sdk-core
 * http/DefaultUserAgent.js, huaweicloudsdkcore core/http/user_agent.py): each test
 * file that builds a client points HOME at a temporary directory first.
 */
export function sandboxHome(): void {
  process.env.HOME = mkdtempSync(join(tmpdir(), 'idcard-mock-hw-'));
}

/**
 * `@huaweicloud/huaweicloud-sdk-ocr` is not on npm: this is the generated
 * `OcrClient.recognizeIdCard` (and `recognizeBankcard`) of huaweicloud-sdk-nodejs-v3 services/ocr/v1/OcrClient.ts, same options
 * object, same core calls (ClientBuilder, HcClient.sendRequest).
 */
export class OcrClient {
  static newBuilder(): ClientBuilder<OcrClient> {
    return new ClientBuilder<OcrClient>((client: HcClient) => new OcrClient(client));
  }

  constructor(private readonly hcClient: HcClient) {
    // DefaultHttpClient logs every error response in full (the whole request, image included) at ERROR;
    // the tests assert on the exception instead. The builder offers no way to pass a logger.
    const http = (hcClient as unknown as { httpClient: { _logger: unknown } }).httpClient;
    http._logger = { debug() {}, info() {}, warn() {}, error() {} };
  }

  recognizeIdCard(request: { body?: Record<string, unknown> }): Promise<Record<string, unknown>> {
    return this.send('/v2/{project_id}/ocr/id-card', request);
  }

  /** The generated `OcrClient.recognizeBankcard`: the same call on /v2/{project_id}/ocr/bankcard. */
  recognizeBankcard(request: { body?: Record<string, unknown> }): Promise<Record<string, unknown>> {
    return this.send('/v2/{project_id}/ocr/bankcard', request);
  }

  /** OcrClient.recognizePassport of the same generated client (services/ocr/v1/OcrClient.ts). */
  recognizePassport(request: { body?: Record<string, unknown> }): Promise<Record<string, unknown>> {
    return this.send('/v2/{project_id}/ocr/passport', request);
  }

  private send(url: string, request: { body?: Record<string, unknown> }): Promise<Record<string, unknown>> {
    const options: Record<string, unknown> = {
      method: 'POST',
      url,
      contentType: 'application/json;charset=UTF-8',
      queryParams: {},
      pathParams: {},
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
      data: request.body ?? {},
    };
    options.responseHeaders = ['X-Request-Id']; // release 3.1.209 copies the header into the result (huaweicloud-sdk-core http/DefaultHttpClient.js)
    return this.hcClient.sendRequest(options as never) as Promise<Record<string, unknown>>;
  }
}

export interface OcrClientOptions { sk?: string; projectId?: string; region?: string; iamEndpoint?: string }

/** As a user points the SDK at the emulator: a custom endpoint, or a Region whose endpoint is the emulator. */
export function ocrClient(url: string, o: OcrClientOptions = {}): OcrClient {
  const credentials = new BasicCredentials().withAk(AK).withSk(o.sk ?? SK);
  if (o.projectId) credentials.withProjectId(o.projectId);
  if (o.iamEndpoint) credentials.withIamEndpoint(o.iamEndpoint);
  const builder = OcrClient.newBuilder().withCredential(credentials);
  if (o.region) builder.withRegion(new Region(o.region, [url]));
  else builder.withEndpoint(url);
  return builder.build();
}

/** Resolves to the SDK's exception (ClientRequestException: httpStatusCode, errorCode, errorMsg, requestId) or fails the test. */
export async function sdkError(p: Promise<unknown>): Promise<{ name: string; httpStatusCode: number; errorCode: string; errorMsg: string; requestId: string }> {
  try {
    await p;
  } catch (e) {
    return e as never;
  }
  throw new Error('expected the SDK call to fail');
}
