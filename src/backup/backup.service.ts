import type { Config } from '../config.ts';
import type { Database } from '../db/connect.ts';
import type { JobLogger } from '../jobs/types.ts';
import { decryptBackup, encryptBackup, sha256 } from './backup-file.ts';
import { backupName, expiredBackups, manifestName, type Manifest } from './backup-names.ts';
import { backupRepository as repo } from './backup.repository.ts';
import { directoryStore, type BackupStore } from './backup-store.ts';
import { BackupUnavailableError, countTables, countTablesInDump, dumpDatabase } from './database-dump.ts';
import { s3Store } from './s3-store.ts';

export interface BackupDeps {
  database: Database;
  config: Pick<Config, 'backup' | 'version'>;
  log: JobLogger;
  /** Default: the bucket when configured, else BACKUP_DIR. */
  store?: BackupStore;
  now?: () => Date;
}

export type BackupOutcome =
  | { status: 'written'; file: string; bytes: number; tables: number; deleted: string[] }
  | { status: 'unavailable'; reason: string };

export const storeFor = (config: Pick<Config, 'backup'>): BackupStore => (config.backup.s3 ? s3Store(config.backup.s3) : directoryStore(config.backup.dir));

/**
 * Takes one backup: dump, encrypt under BACKUP_KEY, store with its manifest, read it back and
 * open it as a restore would (decrypt, checksum, load and count tables), record it, then delete
 * backups older than the retention. A backup that fails verification is removed and the run fails.
 */
export function createBackupService({ database, config, log, store = storeFor(config), now = () => new Date() }: BackupDeps) {
  // A database we cannot dump is said once per process, not every day.
  let unavailableSaid = false;

  async function verify(name: string, manifest: Manifest, key: Buffer, pgBinDir: string | undefined): Promise<void> {
    const stored = await store.get(name);
    if (!stored || sha256(stored) !== manifest.sha256) throw new Error(`backup ${name} reads back with another checksum than its manifest`);
    const tables = await countTablesInDump({ format: manifest.format, data: decryptBackup(stored, key) }, pgBinDir);
    if (tables !== manifest.tables) throw new Error(`backup ${name} opens with ${tables} tables, the database has ${manifest.tables}`);
  }

  return {
    store,

    async run(): Promise<BackupOutcome> {
      const { key, pgBinDir, retentionDays } = config.backup;
      if (!key) throw new Error('BACKUP_KEY is not set');
      const at = now();
      let dump;
      try {
        dump = await dumpDatabase(database, pgBinDir);
      } catch (err) {
        if (!(err instanceof BackupUnavailableError)) throw err;
        if (!unavailableSaid) log.warn(`backups skipped: ${err.message}`);
        unavailableSaid = true;
        return { status: 'unavailable', reason: err.message };
      }
      const tables = await countTables(database);
      const file = encryptBackup(dump.data, key);
      const name = backupName(at, dump.format);
      const manifest: Manifest = { file: name, format: dump.format, createdAt: at.toISOString(), sha256: sha256(file), bytes: file.length, tables, appVersion: config.version };
      await store.put(name, file);
      await store.put(manifestName(name), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
      try {
        await verify(name, manifest, key, pgBinDir);
      } catch (err) {
        await store.delete(name);
        await store.delete(manifestName(name));
        throw err;
      }
      await repo.record(database.db, manifest);
      const deleted = expiredBackups(await store.list(), at, retentionDays);
      for (const old of deleted) {
        await store.delete(old);
        await store.delete(manifestName(old));
      }
      await repo.forget(database.db, deleted);
      log.info({ file: name, where: store.where, bytes: file.length, tables, deleted: deleted.length }, 'backup written and verified');
      return { status: 'written', file: name, bytes: file.length, tables, deleted };
    },

    /** When the last verified backup was taken (any process's). */
    lastSuccessAt: () => repo.lastCreatedAt(database.db),
  };
}

export type BackupService = ReturnType<typeof createBackupService>;
