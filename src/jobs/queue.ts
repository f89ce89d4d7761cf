import { PgBoss, type Job } from 'pg-boss';
import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import { databaseTrouble, loggableDbError } from '../db/pg-errors.ts';
import { NO_ERROR_TRACKER, type ErrorTracker } from '../observability/error-tracker.ts';
import { unreadMetrics, type AppMetrics } from '../observability/metrics.ts';
import { runInTrace, startTrace } from '../observability/trace.ts';
import { connectionFor } from './connection.ts';
import type { JobHandler, JobLogger, JobQueue, JobTiming, RegisterOptions } from './types.ts';

/**
 * Background jobs on pg-boss, in the application's own database (schema `pgboss`, outside the
 * tenant schema `public`). On a server pg-boss has its own small pool; on PGlite every statement
 * goes through `database.executeSql`, sharing the single session's mutex with Kysely, so it
 * never lands inside a transaction.
 *
 * Consequence on PGlite: `send()` must not be awaited inside an open transaction (`withTenant`),
 * which holds the only session until it commits. Send after the transaction.
 *
 * Handlers run as the connecting role, outside any tenant: one that touches company data enters
 * the tenant through its module's service, exactly like a request.
 */

export const JOBS_SCHEMA = 'pgboss';

export interface JobQueueOptions {
  database: Database;
  logger: JobLogger;
  config: Pick<Config, 'jobsEnabled'>;
  timing?: JobTiming;
  metrics?: Pick<AppMetrics, 'jobsProcessed' | 'jobsFailed'>;
  /** Where a failed attempt is reported (Sentry when configured). */
  errors?: ErrorTracker;
}

interface Definition {
  handler: JobHandler<object>;
  options: RegisterOptions;
  cron?: string;
  data?: object;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The company a job is for, when its data names one (an id, never data). */
const companyOf = (data: unknown): string | undefined => {
  const id = (data as { companyId?: unknown } | null)?.companyId;
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
};

const DEFAULTS = { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 900 } as const;

export function createJobQueue({ database, logger, config, timing = {}, metrics = unreadMetrics(), errors = NO_ERROR_TRACKER }: JobQueueOptions): JobQueue {
  const working = config.jobsEnabled;
  const polling = timing.pollingIntervalSeconds ?? 5;
  const boss = new PgBoss({
    ...connectionFor(database),
    schema: JOBS_SCHEMA,
    // A NOTIFY on send wakes an idle worker at once; polling stays as the backstop.
    useListenNotify: true,
    // Maintenance (expiry, retention) and the schedule pass run only where jobs are worked.
    supervise: working,
    schedule: working,
    ...(timing.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: timing.cronMonitorIntervalSeconds } : {}),
    ...(timing.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: timing.cronWorkerIntervalSeconds } : {}),
  });
  // pg-boss reports trouble in its own loops (maintenance, polling) as events; an unheard
  // 'error' event would throw out of the emitter.
  // pg-boss reconnects by itself: a dropped connection is a warning, anything else an error.
  boss.on('error', (err) => {
    if (databaseTrouble(err)) logger.warn({ err: loggableDbError(err) }, 'job queue lost a database connection; it reconnects');
    else logger.error({ err: loggableDbError(err) }, 'job queue error');
  });
  boss.on('warning', (warning) => logger.warn({ data: warning.data }, `job queue: ${warning.message}`));

  const definitions = new Map<string, Definition>();
  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  const definitionOf = (name: string): Definition => {
    const definition = definitions.get(name);
    if (!definition) throw new Error(`no job queue named "${name}" is registered`);
    return definition;
  };
  const assertNotStarted = (what: string) => {
    if (state !== 'new') throw new Error(`${what} must be called before the job queue starts`);
  };

  async function startQueues(): Promise<void> {
    await boss.start();
    for (const [name, { options }] of definitions) {
      const queueOptions = {
        retryLimit: options.retryLimit ?? DEFAULTS.retryLimit,
        retryDelay: options.retryDelay ?? DEFAULTS.retryDelay,
        retryBackoff: options.retryBackoff ?? DEFAULTS.retryBackoff,
        expireInSeconds: options.expireInSeconds ?? DEFAULTS.expireInSeconds,
      };
      // createQueue leaves an existing queue alone; updateQueue applies changed options to it.
      await boss.createQueue(name, { ...queueOptions, notify: true });
      await boss.updateQueue(name, { ...queueOptions, notify: true });
    }
    if (!working) return;
    await reconcileSchedules();
    for (const [name, definition] of definitions) {
      await boss.work<object>(
        name,
        { pollingIntervalSeconds: polling, notifyPollingIntervalSeconds: polling, localConcurrency: definition.options.localConcurrency ?? 1 },
        async ([job]) => {
          try {
            return await runJob(name, definition.handler, job!);
          } finally {
            wakeWorkers(name);
          }
        },
      );
    }
  }

  // A worker fetches one job, then waits out its polling interval even when more are queued (a
  // burst of sends coalesces into a few wake-ups). Waking the queue's workers after each job
  // drains a backlog back to back; an empty fetch then waits as usual.
  function wakeWorkers(name: string): void {
    for (const worker of boss.getWipData()) if (worker.name === name) boss.notifyWorker(worker.id);
  }

  // The schedule table is shared state: declared schedules are (re)written and a schedule no
  // longer declared is removed, so its queue does not keep filling with jobs nobody works.
  async function reconcileSchedules(): Promise<void> {
    for (const existing of await boss.getSchedules()) {
      if (definitions.get(existing.name)?.cron === undefined) await boss.unschedule(existing.name, existing.key);
    }
    for (const [name, { cron, data }] of definitions) {
      // `missed: 'once'`: after downtime, one catch-up run rather than none.
      if (cron) await boss.schedule(name, cron, data ?? null, { tz: 'UTC', missed: 'once' });
    }
  }

  // Each attempt is a trace of its own: its log lines and outgoing requests (Twilio, speech) share it.
  const runJob = (name: string, handler: JobHandler<object>, job: Job<object>): Promise<unknown> => runInTrace(startTrace(), async () => {
    const started = performance.now();
    const fields = { job: name, jobId: job.id, attempt: job.retryCount + 1 };
    try {
      const output = await handler(job.data ?? {}, { id: job.id, retryCount: job.retryCount, signal: job.signal });
      logger.debug({ ...fields, ms: Math.round(performance.now() - started) }, 'job completed');
      return output;
    } catch (err) {
      logger.warn({ ...fields, err }, 'job failed');
      metrics.jobsFailed.inc({ queue: name });
      errors.capture(err, { job: name, jobId: job.id, companyId: companyOf(job.data) });
      throw err;
    } finally {
      metrics.jobsProcessed.inc({ queue: name });
    }
  });

  return {
    register(name, handler, options = {}) {
      assertNotStarted('register()');
      if (definitions.has(name)) throw new Error(`job queue "${name}" is already registered`);
      definitions.set(name, { handler: handler as JobHandler<object>, options });
    },

    schedule(name, cron, data) {
      assertNotStarted('schedule()');
      const definition = definitionOf(name);
      // Refuses a bad expression at boot rather than at the first schedule pass.
      boss.previewSchedule(cron, { count: 1 });
      definition.cron = cron;
      if (data !== undefined) definition.data = data;
    },

    async send(name, data, options) {
      definitionOf(name);
      if (state !== 'started') throw new Error('the job queue is not started');
      return boss.send(name, data ?? null, options);
    },

    async findJob(name, id) {
      const [job] = await boss.findJobs(name, { id });
      return job ? { state: job.state, retryCount: job.retryCount, output: job.output } : null;
    },

    start() {
      if (state === 'stopped') return Promise.reject(new Error('a stopped job queue cannot be started again'));
      if (starting) return starting;
      state = 'starting';
      starting = startQueues().then(
        () => {
          state = 'started';
          logger.info({ queues: [...definitions.keys()], working }, 'job queue started');
        },
        async (err: unknown) => {
          state = 'stopped';
          await boss.stop({ graceful: false }).catch(() => {});
          throw err;
        },
      );
      return starting;
    },

    stop() {
      stopping ??= (async () => {
        await starting?.catch(() => {});
        const wasStarted = state === 'started';
        state = 'stopped';
        if (!wasStarted) return;
        await boss.stop({ graceful: true, timeout: timing.stopTimeoutMs ?? 5_000 });
        logger.info('job queue stopped');
      })();
      return stopping;
    },

  };
}
