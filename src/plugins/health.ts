import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/connect.ts';
import { pendingMigrations } from '../db/migrate.ts';

// A probe must answer even when the database does not: a pool waiting on a dead server (or
// PGlite's single connection held by a long transaction) would otherwise hang it.
const READY_TIMEOUT_MS = 3_000;

type Readiness = { database: 'ok'; pending: string[] } | { database: 'unreachable' | 'timeout'; error?: unknown };

async function checkReadiness(db: Db): Promise<Readiness> {
  const abort = new AbortController();
  const check = (async (): Promise<Readiness> => {
    await sql`SELECT 1`.execute(db);
    return { database: 'ok', pending: await pendingMigrations(db) };
  })();
  const timeout = sleep(READY_TIMEOUT_MS, { database: 'timeout' } as const, { signal: abort.signal }).catch(() => undefined);
  try {
    return (await Promise.race([check, timeout])) ?? { database: 'timeout' };
  } catch (error) {
    return { database: 'unreachable', error };
  } finally {
    abort.abort();
    check.catch(() => {});
  }
}

/** Liveness (the process answers) and readiness (the database answers and is migrated). */
export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { config, database } = app.ctx;

  app.get('/health', { schema: { hide: true }, config: { access: 'public' } }, async () => ({
    status: 'ok',
    version: config.version,
    uptimeSeconds: Math.round(process.uptime()),
  }));

  app.get('/ready', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const r = await checkReadiness(database.db);
    if (r.database !== 'ok') {
      request.log.warn({ err: r.error, database: r.database }, 'readiness check failed');
      return reply.status(503).send({ status: 'not_ready', database: r.database });
    }
    if (r.pending.length > 0) {
      return reply.status(503).send({ status: 'not_ready', database: 'ok', migrations: { pending: r.pending } });
    }
    return { status: 'ready', database: 'ok', migrations: { pending: [] } };
  });
}
