import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Count, CounterStore } from './counters.ts';

const ttlMs = sql<number>`ceil(extract(epoch FROM c.ends_at - clock_timestamp()) * 1000)::int`;

/**
 * Counters in platform.rate_limit_counters (migration 017), shared by every app process on the
 * server. A hit is one upsert: the row lock serialises concurrent hits on a key, so the count
 * each one reads back is exact; a window that has ended restarts at 1. Plain statements on the
 * pool, outside any transaction: a hit never waits on a request's transaction, nor holds one.
 * Times are clock_timestamp(), not now(): now() is when a statement's transaction began, so a hit
 * that waited on another's row lock would measure a window the other opened after it began and
 * read back more time left than the window has.
 */
export function createPostgresCounters(db: Db): CounterStore {
  return {
    kind: 'postgres',
    async hit(key, windowMs) {
      const { rows } = await sql<Count>`
        INSERT INTO platform.rate_limit_counters AS c (key, hits, ends_at)
        VALUES (${key}, 1, clock_timestamp() + make_interval(secs => ${windowMs}::float8 / 1000))
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN c.ends_at <= clock_timestamp() THEN 1 ELSE c.hits + 1 END,
          ends_at = CASE WHEN c.ends_at <= clock_timestamp() THEN excluded.ends_at ELSE c.ends_at END
        RETURNING c.hits, ${ttlMs} AS "ttlMs"`.execute(db);
      return rows[0]!;
    },
    async peek(key) {
      const { rows } = await sql<Count>`
        SELECT c.hits, ${ttlMs} AS "ttlMs" FROM platform.rate_limit_counters c
        WHERE c.key = ${key} AND c.ends_at > clock_timestamp()`.execute(db);
      return rows[0] ?? null;
    },
    async sweep() {
      const res = await db.deleteFrom('platform.rate_limit_counters').where('ends_at', '<=', sql<Date>`clock_timestamp()`).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
    // The pool is the app's: its owner closes it.
    close: async () => {},
  };
}
