import type { Request, Response } from 'express';
import type { JournalEntry } from '../state/journal.ts';
import type { JournalStore } from '../state/journal.ts';

/** How many recorded entries a new subscriber gets first, unless it asks with `?last=N`. */
const REPLAY = 100;
// A comment line now and then: proxies and browsers drop a stream that stays silent too long.
const HEARTBEAT_MS = 15_000;
// A subscriber that stops reading is cut off rather than buffered without end (EventSource reconnects).
const MAX_BUFFERED = 8 * 1024 * 1024;
/** The open streams of each journal, for endEventStreams. */
const streams = new WeakMap<JournalStore, Set<Response>>();

/**
 * `GET /__mock/events`: the journal as server-sent events, one `entry` event per request (already
 * masked, like GET /__mock/journal), with the request id as the event id. On connect it replays the
 * last entries: those after `Last-Event-ID` when a reconnecting EventSource sends it and that entry is
 * still held, else the last `?last=N` (100 by default).
 */
export function journalEvents(journal: JournalStore) {
  return async (req: Request, res: Response): Promise<void> => {
    // Heard from now on, held until the replay is out: an entry recorded while the journal is read is neither lost nor sent twice.
    let held: JournalEntry[] | undefined = [];
    const stop = journal.onRecord((e) => { if (held) held.push(e); else send(e); });
    let entries: JournalEntry[];
    try {
      entries = await journal.list();
    } catch (e) {
      stop();
      throw e;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (e: JournalEntry): void => {
      if (res.writableEnded) return;
      res.write(`id: ${e.requestId}\nevent: entry\ndata: ${JSON.stringify(e)}\n\n`);
      if (res.writableLength > MAX_BUFFERED) res.end();
    };
    res.write('retry: 1000\n\n');
    const replayed = replay(entries, req.get('last-event-id'), req.query.last);
    for (const e of replayed) send(e);
    const sent = new Set(replayed.map((e) => e.requestId));
    for (const e of held) if (!sent.has(e.requestId)) send(e);
    held = undefined;
    const heartbeat = setInterval(() => { if (!res.writableEnded) res.write(': heartbeat\n\n'); }, HEARTBEAT_MS).unref();
    const open = streams.get(journal) ?? streams.set(journal, new Set()).get(journal)!;
    open.add(res);
    res.on('close', () => {
      stop();
      clearInterval(heartbeat);
      open.delete(res);
    });
  };
}

/**
 * Closes the journal's open event streams, connection and all (an event stream has no last message to
 * send). A stream never ends by itself, so a server with a dashboard open would wait for ever in
 * close(); createServer's close() calls this.
 */
export function endEventStreams(journal: JournalStore): void {
  for (const res of streams.get(journal) ?? []) res.destroy();
}

function replay(entries: readonly JournalEntry[], lastEventId: string | undefined, last: unknown): readonly JournalEntry[] {
  const seen = lastEventId === undefined ? -1 : entries.findIndex((e) => e.requestId === lastEventId);
  if (seen >= 0) return entries.slice(seen + 1);
  const n = typeof last === 'string' && /^\d+$/.test(last) ? Number(last) : REPLAY;
  return n === 0 ? [] : entries.slice(-n);
}
