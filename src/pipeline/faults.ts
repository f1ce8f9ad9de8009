import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Outcome } from '../data/types.ts';

/** Waits a scenario's latency: a fixed number of milliseconds, or a uniform draw from a range. */
export function waitLatency(latency: Outcome['latencyMs']): Promise<void> | undefined {
  if (latency === undefined) return undefined;
  const ms = typeof latency === 'number' ? latency : latency.min + Math.floor(Math.random() * (Math.max(latency.max, latency.min) - latency.min + 1));
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined;
}

/**
 * Plays a transport fault instead of (or through) the vendor's answer, the way the client would meet it:
 * - `hang`: nothing is sent until the client gives up (its own timeout) and closes;
 * - `reset`: the TCP connection is reset (the client sees ECONNRESET);
 * - `truncated`: the headers and half of the JSON body, then the connection closes;
 * - `http-502` / `http-504`: the status and short HTML page a load balancer in front of the API sends.
 * Returns the journal's outcome for it.
 */
export function playFault(fault: NonNullable<Outcome['fault']>, res: ServerResponse, render: () => void): string {
  const socket = res.socket;
  switch (fault) {
    case 'hang':
      // Keep the socket until the client closes it; server.close()/closeAllConnections() end it too.
      socket?.setTimeout(0);
      break;
    case 'reset':
      // An RST, not a FIN: the client sees ECONNRESET (net.Socket#resetAndDestroy, Node 18.3+).
      (socket as (typeof socket & { resetAndDestroy?: () => void }) | null)?.resetAndDestroy?.();
      break;
    case 'truncated': {
      const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
      // Render as usual, but send only the first half of the body, delimited by the connection's close
      // (no Content-Length), so the client reads half a JSON document and fails to parse it.
      (res as { end: (chunk?: unknown) => ServerResponse }).end = (chunk?: unknown) => {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk ?? ''));
        res.removeHeader('Content-Length');
        res.setHeader('Connection', 'close');
        return end(bytes.subarray(0, Math.floor(bytes.length / 2)));
      };
      render();
      break;
    }
    case 'http-502':
    case 'http-504': {
      const status = fault === 'http-502' ? 502 : 504;
      const text = `${status} ${STATUS_CODES[status]}`;
      const html = `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n</body>\r\n</html>\r\n`;
      res.statusCode = status;
      res.setHeader('Content-Type', 'text/html');
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.end(html);
      break;
    }
  }
  return `fault:${fault}`;
}
