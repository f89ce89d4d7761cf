import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.ts';

const startedAt = Date.now();

/** Liveness (the process answers) and readiness (the database answers and is migrated). */
export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { config, database } = app.ctx;

  app.get('/health', { schema: { hide: true }, config: { access: 'public' } }, async () => ({
    status: 'ok',
    version: config.version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));

  app.get('/ready', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    try {
      await sql`SELECT 1`.execute(database.db);
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) {
        return reply.status(503).send({ status: 'not_ready', database: 'ok', migrations: { pending } });
      }
      return { status: 'ready', database: 'ok', migrations: { pending: [] } };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'not_ready', database: 'unreachable' });
    }
  });
}
