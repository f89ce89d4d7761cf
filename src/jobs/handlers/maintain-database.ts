import type { Db } from '../../db/connect.ts';
import { vacuumAnalyzeTables } from '../../db/maintenance.ts';

export const MAINTAIN_DATABASE_JOB = 'maintain-database';
/** Hourly (UTC), off the hour's other jobs. */
export const MAINTAIN_DATABASE_CRON = '41 * * * *';

/** Embedded PGlite only: a PostgreSQL server's autovacuum does this itself. */
export function maintainDatabase(db: Db) {
  return async (): Promise<void> => {
    await vacuumAnalyzeTables(db);
  };
}
