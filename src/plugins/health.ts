import type { FastifyInstance } from 'fastify';
import { backupWarning } from '../backup/backup-health.ts';
import { checkReadiness } from '../db/readiness.ts';

/** Liveness (the process answers) and readiness (the database answers and is migrated). */
export default async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { config, database, backups } = app.ctx;

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
    // A stale backup is the operator's business, not the load balancer's: a warning, still 200.
    const last = config.backup.enabled ? await backups.lastSuccessAt().catch(() => null) : null;
    const warning = last === null ? undefined : backupWarning(last, new Date());
    return { status: 'ready', database: 'ok', migrations: { pending: [] }, ...(warning ? { warnings: [`backup: ${warning}`] } : {}) };
  });
}
