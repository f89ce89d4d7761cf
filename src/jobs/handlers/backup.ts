import type { BackupService } from '../../backup/backup.service.ts';

export const BACKUP_JOB = 'daily-backup';

/**
 * One backup per run (BACKUP_CRON, UTC). A database we cannot dump answers "unavailable"
 * (said once in the log), which is not a failure to retry.
 */
export function takeBackup(backups: Pick<BackupService, 'run'>) {
  return async (): Promise<unknown> => backups.run();
}
