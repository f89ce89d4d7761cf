import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/**
 * Recomputes a company's kept analytics days in the background: after its zone or hours change
 * (every kept day is then stale), or when a request finds more stale days than it computes
 * itself. Idempotent: days still valid are skipped, so a duplicate or retried job costs reads.
 */
export const ANALYTICS_RECOMPUTE_JOB = 'analytics.recompute';

/** Without from/to: every day the company has kept. Company-local dates, both included. */
export interface RecomputeJob {
  companyId: string;
  from?: string;
  to?: string;
}

/** One job per company and span waiting at a time. */
export const recomputeSingleton = (job: RecomputeJob) => [job.companyId, job.from ?? '', job.to ?? ''].join(':');

/**
 * Queues the job (once per company and span). A queue that refuses it is logged, not raised:
 * the change that asked for it is committed, and the next request finding the days stale asks
 * again.
 */
export async function queueRecompute(app: FastifyInstance, log: FastifyBaseLogger, job: RecomputeJob): Promise<void> {
  await app.ctx.jobs.send(ANALYTICS_RECOMPUTE_JOB, job, { singletonKey: recomputeSingleton(job) })
    .catch((err: unknown) => log.warn({ err, companyId: job.companyId }, 'analytics recompute not queued'));
}
