import type { IncomingHttpHeaders } from 'node:http';
import { MockError } from '../../errors.ts';
import { styleOf } from './decodeRequest.ts';

const KB = 1024;
const MB = 1024 * KB;

/**
 * "GET ≤ 32 KB; POST with v1 ≤ 1 MB; POST with v3 ≤ 10 MB" (https://cloud.tencent.com/document/product/1278/46710).
 * A GET is measured by its URL; a POST's limit follows its Content-Type, which tells v1 from v3.
 */
export function bodyLimit(method: string, url: string, headers: IncomingHttpHeaders): number {
  if (method === 'GET') {
    if (url.length > 32 * KB) throw tooLarge(url.length, 32 * KB, 'GET');
    return 0;
  }
  return styleOf(method, headers) === 'v1-form' ? MB : 10 * MB;
}

export function tooLarge(size: number, limit: number, style: string): MockError {
  return new MockError('RequestSizeLimitExceeded', { size, limit, style }, 'size');
}

export function tooLargeFor(method: string, headers: IncomingHttpHeaders, limit: number): (size: number) => MockError {
  const style = method === 'GET' ? 'GET' : styleOf(method, headers) === 'v1-form' ? 'a v1 POST' : 'a TC3 POST';
  return (size) => tooLarge(size, limit, style);
}
