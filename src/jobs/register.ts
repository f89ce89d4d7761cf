import type { Config } from '../config.ts';
import type { BackupService } from '../backup/backup.service.ts';
import type { Database } from '../db/connect.ts';
import type { CounterStore } from '../rate-limits/counters.ts';
import type { Services } from '../services.ts';
import { ANALYTICS_RECOMPUTE_JOB, recomputeAnalytics } from './handlers/recompute-analytics.ts';
import { BACKUP_JOB, takeBackup } from './handlers/backup.ts';
import { PURGE_PERSONAL_DATA_CRON, PURGE_PERSONAL_DATA_JOB, purgePersonalData } from './handlers/purge-personal-data.ts';
import { PRUNE_SESSIONS_CRON, PRUNE_SESSIONS_JOB, pruneSessions } from './handlers/prune-sessions.ts';
import { RELEASE_HOLDS_CRON, RELEASE_HOLDS_JOB, releaseExpiredHolds } from './handlers/release-expired-holds.ts';
import { BOOKING_SMS_JOB, sendBookingSms } from './handlers/send-booking-sms.ts';
import { MAINTAIN_DATABASE_CRON, MAINTAIN_DATABASE_JOB, maintainDatabase } from './handlers/maintain-database.ts';
import { SWEEP_RATE_LIMITS_CRON, SWEEP_RATE_LIMITS_JOB, sweepRateLimitCounters } from './handlers/sweep-rate-limit-counters.ts';
import { DIGEST_SCAN_CRON, DIGEST_SCAN_JOB, DIGEST_SEND_JOB, scanDigests, sendDigest } from './handlers/daily-digest.ts';
import { PREPARE_SPEECH_JOB, prepareSpeech, type SpeechPlanFor } from './handlers/prepare-speech.ts';
import type { JobQueue } from './types.ts';

/**
 * Every background job of the application: one handler file per job under `handlers/`, which
 * exports its queue name (and cron, when periodic) and builds its handler from the services it
 * needs. A handler reaches modules only through their services, like a route.
 */
/** What the jobs need beyond the services. */
export interface JobDeps {
  speechPlan: SpeechPlanFor;
  backups: BackupService;
  database: Pick<Database, 'db' | 'kind'>;
  rateLimits: Pick<CounterStore, 'sweep'>;
}

export function registerJobs(queue: JobQueue, services: Services, config: Config, { speechPlan, backups, database, rateLimits }: JobDeps): void {
  queue.register(PRUNE_SESSIONS_JOB, pruneSessions(services.auth), { retryLimit: 1 });
  queue.schedule(PRUNE_SESSIONS_JOB, PRUNE_SESSIONS_CRON);
  queue.register(SWEEP_RATE_LIMITS_JOB, sweepRateLimitCounters(rateLimits), { retryLimit: 1 });
  queue.schedule(SWEEP_RATE_LIMITS_JOB, SWEEP_RATE_LIMITS_CRON);
  queue.register(RELEASE_HOLDS_JOB, releaseExpiredHolds(services.bookings), { retryLimit: 1 });
  queue.schedule(RELEASE_HOLDS_JOB, RELEASE_HOLDS_CRON);
  queue.register(BOOKING_SMS_JOB, sendBookingSms(services, config), { retryLimit: 4, retryDelay: 30, retryBackoff: true });
  queue.register(DIGEST_SCAN_JOB, scanDigests(services.digest, queue), { retryLimit: 1 });
  queue.schedule(DIGEST_SCAN_JOB, DIGEST_SCAN_CRON);
  queue.register(DIGEST_SEND_JOB, sendDigest(services.digest), { retryLimit: 4, retryDelay: 60, retryBackoff: true });
  queue.register(PREPARE_SPEECH_JOB, prepareSpeech(services.speech, speechPlan), { retryLimit: 3, retryDelay: 60, retryBackoff: true });
  queue.register(ANALYTICS_RECOMPUTE_JOB, recomputeAnalytics(services.analytics), { retryLimit: 3, retryDelay: 30, retryBackoff: true });
  queue.register(PURGE_PERSONAL_DATA_JOB, purgePersonalData(services.retention), { retryLimit: 2, retryDelay: 300 });
  queue.schedule(PURGE_PERSONAL_DATA_JOB, PURGE_PERSONAL_DATA_CRON);
  // A dump of a large database takes a while: an hour before pg-boss counts it failed.
  queue.register(BACKUP_JOB, takeBackup(backups), { retryLimit: 2, retryDelay: 600, expireInSeconds: 3600 });
  if (config.backup.enabled) queue.schedule(BACKUP_JOB, config.backup.cron);
  if (database.kind === 'pglite') {
    queue.register(MAINTAIN_DATABASE_JOB, maintainDatabase(database.db), { retryLimit: 1 });
    queue.schedule(MAINTAIN_DATABASE_JOB, MAINTAIN_DATABASE_CRON);
  }
}
