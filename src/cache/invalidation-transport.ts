import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import type { HubMessage, InvalidationHub } from './invalidation-hub.ts';

export const INVALIDATION_CHANNEL = 'clientsvia_invalidation';
const RECONNECT_MS = 1_000;

/**
 * Carries the hub's changes between app processes on one PostgreSQL server: one connection
 * LISTENs on a channel and NOTIFYs on it. While that connection is down the hub reports it
 * (caches of access stop answering from memory) and it reconnects every second.
 * Resolves to a function that closes it.
 */
export async function connectInvalidationTransport(url: string, hub: InvalidationHub, log: Pick<FastifyBaseLogger, 'warn'>): Promise<() => Promise<void>> {
  const self = randomUUID();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const link = hub.attach({
    publish(message) {
      // Queued on the connection; a lost NOTIFY is covered by the reconnect that follows it.
      // Settled once the server has taken it: it sends it to every listening connection at once.
      return client?.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, JSON.stringify({ from: self, message })]).then(() => {}, () => {});
    },
  });
  link.setConnected(false);

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    link.setConnected(false);
    c.end().catch(() => {});
    if (closed) return;
    log.warn('invalidation channel to the other app processes lost; caches of access are bypassed until it is back');
    retry = setTimeout(() => void open().catch(() => {}), RECONNECT_MS);
    retry.unref();
  };

  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel !== INVALIDATION_CHANNEL || !n.payload) return;
      const { from, message } = JSON.parse(n.payload) as { from: string; message: HubMessage };
      if (from !== self) link.deliver(message);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (err) {
      lost(c);
      throw err;
    }
    link.setConnected(true);
  };

  await open();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    link.detach();
    const c = client;
    client = null;
    link.setConnected(false);
    await c?.end().catch(() => {});
  };
}
