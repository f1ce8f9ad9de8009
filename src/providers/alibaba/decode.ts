import { roleError } from '../../errors.ts';
import { firstHeaderValue } from '../../pipeline/firstHeaderValue.ts';
import type { Decoded, RawRequest } from '../Provider.ts';

/** An Alibaba request is named by its x-acs-action and x-acs-version. */
export type AlibabaDecoded = Decoded<{ action: string; version: string }>;

/** One style: RPC over `POST /` (the SDKs) or `GET /` (the metadata allows both methods). */
export function styleOf({ method }: RawRequest): string {
  if (method !== 'POST' && method !== 'GET') throw roleError('methodNotAllowed');
  return 'rpc';
}

/** Nothing to read before the body: messages are the catalog's wire text, and there is one flavour. */
export function begin(): void {}

/**
 * x-acs-action and x-acs-version name the API (docs/alibaba-wire.md section 2). The parameters are
 * the query's, and a form body's (Id2MetaVerify: the SDK sends its three members as
 * application/x-www-form-urlencoded, the metadata says query: both are read). Any other body is
 * RecognizeIdcard's image, handed on as base64 in `body` so the shared image rules read it. All
 * values arrive as text: the schema restores their types (`flat`).
 */
export async function decode(req: RawRequest, body: Buffer): Promise<AlibabaDecoded> {
  const q = req.url.indexOf('?');
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  const header = (n: string): string | undefined => firstHeaderValue(req.headers[n]);
  const action = header('x-acs-action');
  const version = header('x-acs-version');
  if (!action) throw roleError('missingParameter', { name: 'x-acs-action' });
  if (!version) throw roleError('missingParameter', { name: 'x-acs-version' });
  const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(rawQuery));
  if (body.length > 0) {
    const type = (header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'application/x-www-form-urlencoded') Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
    else params.body = body.toString('base64');
  }
  return {
    style: 'rpc', target: { action, version }, pathParams: {}, params: () => params, flat: true,
    method: req.method, url: req.url, rawQuery, headers: req.headers, body,
  };
}
