import { tc3Headers } from '../../test/helpers/signTc3.ts';
import { ocrPath, PROJECT_ID, sdkDate, signRequest } from '../../test/helpers/huaweiSign.ts';

/** The benchmark's own credentials, stored in the emulator with `--credentials` so every signature is fully verified. */
export const BENCH_CREDENTIALS = {
  tencent: { secretId: 'AKIDBENCHMARK00000000000000000000000', secretKey: 'BENCHMARKSECRETKEY00000000000000' },
  huawei: { ak: 'BENCHMARKAK000000000', sk: 'BENCHMARKSK00000000000000000000000000000' },
} as const;

/** The file `--credentials` reads. */
export function credentialsFile(): string {
  const { tencent, huawei } = BENCH_CREDENTIALS;
  return JSON.stringify({ tencent: [tencent], huawei: [huawei] });
}

/** One pre-signed request, sent as is for a whole run (the clock checks allow 5 minutes for TC3, 15 for Huawei). */
export interface SignedRequest { method: 'POST'; path: string; headers: Record<string, string>; body: Buffer }

/** IDCardOCR, TC3-HMAC-SHA256 JSON POST to `host` (host:port, which the signature covers). */
export function idCardOcr(host: string, imageBase64: string, nowMs = Date.now()): SignedRequest {
  const body = Buffer.from(JSON.stringify({ ImageBase64: imageBase64 }));
  const { secretId, secretKey } = BENCH_CREDENTIALS.tencent;
  const headers = tc3Headers({ host, body, secretId, secretKey, timestamp: Math.floor(nowMs / 1000) });
  return { method: 'POST', path: '/', headers: { Host: host, ...headers }, body };
}

/** Huawei RecognizeIdCard, SDK-HMAC-SHA256 with AK/SK, the Node SDK's signed headers. */
export function huaweiIdCard(host: string, imageBase64: string, nowMs = Date.now()): SignedRequest {
  const body = Buffer.from(JSON.stringify({ image: imageBase64, side: 'front' }));
  const { ak, sk } = BENCH_CREDENTIALS.huawei;
  const path = ocrPath();
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: host, 'X-Project-Id': PROJECT_ID, 'X-Sdk-Date': sdkDate(nowMs) };
  headers.Authorization = signRequest({ method: 'POST', path, headers, body, ak, sk });
  return { method: 'POST', path, headers, body };
}

/** What a successful answer looks like: Tencent's envelope without Error, Huawei's `result`. */
export function isSuccess(status: number, body: string): boolean {
  if (status !== 200) return false;
  try {
    const json = JSON.parse(body) as { Response?: { Error?: unknown; IdNum?: unknown; Name?: unknown }; result?: unknown };
    return json.Response ? json.Response.Error === undefined && typeof json.Response.Name === 'string' : json.result !== undefined;
  } catch {
    return false;
  }
}

/** Sends one signed request with node:http's fetch and reports whether it succeeded (and what came back, if not). */
export async function tryOnce(baseUrl: string, r: SignedRequest): Promise<{ ok: boolean; status: number; body: string }> {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => k.toLowerCase() !== 'host'));
  const res = await fetch(`${baseUrl}${r.path}`, { method: r.method, headers, body: new Uint8Array(r.body) });
  const body = await res.text();
  return { ok: isSuccess(res.status, body), status: res.status, body: body.slice(0, 300) };
}
