import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * Sentry's ingestion endpoint on loopback: `POST /api/<project>/envelope/` with an envelope
 * (newline-delimited JSON: the envelope header, then item header and payload pairs), gzip or
 * plain, answered 200 as Sentry does. Records each envelope's raw text and its events.
 */
export interface ReceivedEnvelope {
  projectId: string;
  /** The whole envelope as sent, for asserting what it does not contain. */
  raw: string;
  header: Record<string, unknown>;
  items: Array<{ type: string; payload: Record<string, unknown> }>;
}

export interface SentryStub {
  /** A DSN pointing at this server, for project `projectId`. */
  dsn(projectId?: string): string;
  envelopes: ReceivedEnvelope[];
  /** The `event` items received so far. */
  events(): Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startSentryStub(): Promise<SentryStub> {
  const envelopes: ReceivedEnvelope[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/api\/(\d+)\/envelope\/(\?.*)?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) {
        res.writeHead(404).end();
        return;
      }
      const body = Buffer.concat(chunks);
      const raw = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      const [headerLine, ...rest] = raw.split('\n').filter((l) => l.trim() !== '');
      const items: ReceivedEnvelope['items'] = [];
      for (let i = 0; i + 1 < rest.length; i += 2) {
        const itemHeader = JSON.parse(rest[i]!) as { type: string };
        items.push({ type: itemHeader.type, payload: JSON.parse(rest[i + 1]!) as Record<string, unknown> });
      }
      envelopes.push({ projectId: m[1]!, raw, header: JSON.parse(headerLine ?? '{}') as Record<string, unknown>, items });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: (projectId = '4242') => `http://0123456789abcdef0123456789abcdef@127.0.0.1:${port}/${projectId}`,
    envelopes,
    events: () => envelopes.flatMap((e) => e.items.filter((i) => i.type === 'event').map((i) => i.payload)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
