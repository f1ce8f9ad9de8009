import type { ServerResponse } from 'node:http';

/**
 * Writes `json` as the whole reply with exactly `Content-Type: application/json` and its length. The
 * text goes to res.end as a string: Node then sends the head and the body in one write, where a
 * Buffer would be a second chunk (a writev) on every reply.
 */
export function writeJson(res: ServerResponse, status: number, json: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(json);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  for (const k in headers) res.setHeader(k, headers[k]!);
  res.end(text);
}
