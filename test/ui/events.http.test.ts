import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, SECRET_ID, SECRET_KEY } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { createServer } from '../../src/server.ts';
import type { JournalEntry } from '../../src/state/journal.ts';

// GET /__mock/events: the journal as server-sent events, read here by a plain node:http client.
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'events' }).toString('base64');

interface SseEvent { id?: string; event?: string; data: string }

/** An open event stream: `next()` resolves to the next event (comments and `retry:` skipped). */
async function subscribe(query = '', headers: Record<string, string> = {}, url = server.url): Promise<{ res: IncomingMessage; next(): Promise<SseEvent>; close(): void }> {
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    request(`${url}/__mock/events${query}`, { headers }, resolve).on('error', reject).end();
  });
  res.setEncoding('utf8');
  let buffered = '';
  const ready: SseEvent[] = [];
  const waiting: ((e: SseEvent) => void)[] = [];
  res.on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
      const fields = buffered.slice(0, end).split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]);
      buffered = buffered.slice(end + 2);
      const event = Object.fromEntries(fields) as Partial<SseEvent>;
      if (event.data === undefined) continue;
      const w = waiting.shift();
      if (w) w(event as SseEvent);
      else ready.push(event as SseEvent);
    }
  });
  return {
    res,
    next: () => { const e = ready.shift(); return e ? Promise.resolve(e) : new Promise((resolve) => waiting.push(resolve)); },
    close: () => res.destroy(),
  };
}

describe('GET /__mock/events', () => {
  it('sends each journal entry, masked, as it is recorded', async () => {
    const stream = await subscribe('?last=0');
    expect(stream.res.statusCode).toBe(200);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    const person = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const event = await stream.next();
    stream.close();
    expect(event.event).toBe('entry');
    expect(event.id).toBe(person.RequestId);
    const entry = JSON.parse(event.data) as JournalEntry;
    expect(entry).toMatchObject({ action: 'IDCardOCR', caller: SECRET_ID, outcome: 'ok', status: 200, requestId: person.RequestId });
    // The same masking as the journal: none of the person, the image bytes or the secret go down the stream.
    for (const secret of [person.IdNum!, person.Name!, image.slice(100, 160), SECRET_KEY]) expect(event.data).not.toContain(secret);
    expect(event.data).toContain(`${'*'.repeat(14)}${person.IdNum!.slice(-4)}`);
  });

  it('replays the last entries on connect, and only the missed ones after Last-Event-ID', async () => {
    const a = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const b = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const last2 = await subscribe('?last=2');
    expect([(await last2.next()).id, (await last2.next()).id]).toEqual([a.RequestId, b.RequestId]);
    last2.close();
    const resumed = await subscribe('', { 'Last-Event-ID': a.RequestId! });
    expect((await resumed.next()).id).toBe(b.RequestId);
    const c = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    expect((await resumed.next()).id).toBe(c.RequestId);
    resumed.close();
  });

  it('lets go of a subscriber that disconnects', async () => {
    // A server of its own, with no stream the tests above opened. The journal's listeners are private:
    // counting them is how this test sees the subscription end.
    const own = await startServer();
    try {
      const listeners = () => (own.runtime.state.journal as unknown as { listeners: Set<unknown> }).listeners.size;
      expect(listeners()).toBe(0);
      const stream = await subscribe('?last=0', {}, own.url);
      expect(listeners()).toBe(1);
      stream.close();
      await expect.poll(listeners, { timeout: 5000 }).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('ends open streams when the server closes, so close() does not wait for an open dashboard', async () => {
    const own = createServer();
    own.listen(0, '127.0.0.1');
    await new Promise((resolve) => own.once('listening', resolve));
    const stream = await subscribe('', {}, `http://127.0.0.1:${(own.address() as { port: number }).port}`);
    const ended = new Promise((resolve) => stream.res.once('close', resolve));
    await new Promise<void>((resolve, reject) => own.close((e) => (e ? reject(e) : resolve())));
    await ended;
  });
});
