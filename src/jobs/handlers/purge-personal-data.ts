import type { RetentionService } from '../../modules/retention/retention.service.ts';

export const PURGE_PERSONAL_DATA_JOB = 'purge-personal-data';
/** Daily at 04:15 UTC, after the backup. */
export const PURGE_PERSONAL_DATA_CRON = '15 4 * * *';

/** Each company's transcripts, clips and messages past its retention; the speech cache within bounds. */
export function purgePersonalData(retention: Pick<RetentionService, 'purge'>) {
  return async (): Promise<unknown> => retention.purge();
}
