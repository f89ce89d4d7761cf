import { createBackupService, type BackupService } from './backup/backup.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { checkReadiness } from './db/readiness.ts';
import { observeTransactions } from './db/transaction-timing.ts';
import { createErrorTracker, type ErrorTracker } from './observability/error-tracker.ts';
import { createMetrics, type MetricsRegistry } from './observability/metrics.ts';
import { createJobQueue } from './jobs/queue.ts';
import { registerJobs } from './jobs/register.ts';
import type { JobLogger, JobQueue } from './jobs/types.ts';
import { createAgentRuntime } from './modules/agent/runtime.ts';
import { speechPlanFor } from './modules/agent/speech-plan.ts';
import { createInvalidationHub, type InvalidationHub } from './cache/invalidation-hub.ts';
import { createVoiceProfileResolver, type VoiceProfileResolver } from './modules/voice/speaker.ts';
import { createTurnRunner, type AgentRuntime, type TurnRunner } from './modules/agent/turn-runner.ts';
import { createRateLimitCounters, type RateLimitCounters } from './rate-limits/rate-limit-counters.ts';
import { createServices, type Services } from './services.ts';

/** What every route reaches through `app.ctx`: configuration, the database, the services and the job queue. */
export interface AppContext {
  config: Config;
  database: Database;
  services: Services;
  /** Built with every job registered but not started: server.ts starts it, app close stops it. */
  jobs: JobQueue;
  /** The time calls are answered at. */
  clock: () => Date;
  /** The agent that answers calls and chats. */
  agent: { runtime: AgentRuntime; runner: TurnRunner };
  /** Per-process caches of company settings forget a company when it changes. */
  invalidation: InvalidationHub;
  /** A company's voice for speech out (cached). */
  resolveVoice: VoiceProfileResolver;
  /** This app's Prometheus registry and the metrics the code records into it. */
  telemetry: MetricsRegistry;
  /** Unexpected errors of requests and jobs go here (Sentry when SENTRY_DSN is set). */
  errors: ErrorTracker;
  /** Backups of this database (the daily job, the last success for /metrics and /ready). */
  backups: BackupService;
  /** The counters behind every rate limit, shared by the app's processes (src/rate-limits/). */
  rateLimits: RateLimitCounters;
}

export function createContext(config: Config, database: Database, logger: JobLogger, clock: () => Date = () => new Date()): AppContext {
  const telemetry = createMetrics({ processDefaults: true });
  const { metrics } = telemetry;
  observeTransactions(database.db, (kind, seconds, committed) => metrics.dbTransactionSeconds.observe({ kind, outcome: committed ? 'commit' : 'rollback' }, seconds));
  telemetry.watchDatabase(async () => (await checkReadiness(database.db)).database === 'ok');
  const errors = createErrorTracker(config, logger);
  const invalidation = createInvalidationHub();
  const services = createServices(config, database.db, logger, clock, invalidation, metrics);
  const jobs = createJobQueue({ database, logger, config, metrics, errors });
  const resolveVoice = createVoiceProfileResolver({ voiceSettings: services.voiceSettings, secrets: services.secrets, logger, invalidation });
  const backups = createBackupService({ database, config, log: logger });
  const rateLimits = createRateLimitCounters(config, database, { log: logger, metrics });
  registerJobs(jobs, services, config, { speechPlan: speechPlanFor(services, resolveVoice), backups, database, rateLimits });
  const runtime = createAgentRuntime({ config, services, logger, invalidation, metrics });
  const agent = { runtime, runner: createTurnRunner({ calls: services.calls, runtime, clock, metrics }) };
  return { config, database, services, jobs, clock, agent, invalidation, resolveVoice, telemetry, errors, backups, rateLimits };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}
