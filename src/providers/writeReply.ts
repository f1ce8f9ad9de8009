import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { ProviderReply } from './Provider.ts';

/**
 * Writes a reply with exactly `Content-Type: application/json` and its length; returns the text written
 * (for the journal). The text goes to res.end as a string: Node then joins the head and the body into one
 * chunk (strace shows one writev of it and Node's empty end chunk), where a Buffer would stay a chunk of its own.
 */
export function writeReply(res: ServerResponse, reply: ProviderReply): string {
  const text = JSON.stringify(reply.body);
  res.statusCode = reply.status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  for (const k in reply.headers) res.setHeader(k, reply.headers[k]!);
  res.end(text);
  return text;
}

/** The same reply as raw HTTP/1.1 text that closes the connection, for a request the parser refused (no ServerResponse exists). */
export function replyText(reply: ProviderReply): string {
  const text = JSON.stringify(reply.body);
  const lines = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`, 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(text)}`, 'Connection: close',
    ...Object.entries(reply.headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n${text}`;
}
