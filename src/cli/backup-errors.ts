import { BackupFileError } from '../backup/backup-file.ts';
import { BackupUnavailableError } from '../backup/database-dump.ts';
import { RestoreRefusedError } from '../backup/restore.ts';
import { BucketError } from '../backup/s3-store.ts';
import { ToolMissingError } from '../backup/pg-tools.ts';
import { CommandError } from '../known-errors.ts';

/** Backup failures an operator acts on become one line (a CommandError); anything else keeps its stack. */
export async function asCommandErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof BackupFileError || err instanceof RestoreRefusedError || err instanceof BucketError || err instanceof BackupUnavailableError) {
      throw new CommandError(err.message);
    }
    if (err instanceof ToolMissingError) throw new CommandError(`${err.tool} is not installed here (install the PostgreSQL client tools, or set BACKUP_PG_BIN_DIR)`);
    if (err instanceof Error && /^(pg_dump|pg_restore)/.test(err.message)) throw new CommandError(err.message);
    throw err;
  }
}
