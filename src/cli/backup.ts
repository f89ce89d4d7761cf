import { pino } from 'pino';
import { createBackupService } from '../backup/backup.service.ts';
import { openDatabase } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { CommandError } from '../known-errors.ts';
import { asCommandErrors } from './backup-errors.ts';
import { runCommand } from './run-command.ts';

/**
 * `npm run backup`: one backup now, exactly as the daily job takes it (encrypted, verified,
 * old ones deleted). With PGlite the running server holds DATA_DIR: its daily job backs it up.
 */
await runCommand(async () => {
  const config = loadConfig();
  if (!config.backup.key) throw new CommandError('BACKUP_KEY is not set (32 bytes, base64 or hex; generate one with: openssl rand -base64 32)');
  const log = pino({ level: config.logLevel === 'silent' ? 'info' : config.logLevel });
  const database = await openDatabase(config, log).catch((err: unknown) => {
    if (err instanceof DataDirLockedError) throw new CommandError(`${err.message}; a running server backs up its PGlite database itself (BACKUP_ENABLED, BACKUP_CRON): stop it to take a backup now`);
    throw err;
  });
  try {
    const outcome = await asCommandErrors(() => createBackupService({ database, config, log }).run());
    if (outcome.status === 'unavailable') throw new CommandError(outcome.reason);
  } finally {
    await database.close();
  }
});
