import { PGlite } from '@electric-sql/pglite';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { pgliteExtensions } from '../db/connect.ts';
import { lockDataDir } from '../db/data-dir-lock.ts';
import { BackupFileError, decryptBackup, sha256 } from './backup-file.ts';
import { parseBackupName, type Manifest } from './backup-names.ts';
import type { Dump } from './database-dump.ts';
import { firstLine, pgEnv, runTool, toolPath } from './pg-tools.ts';

/** A restore that must not go ahead (data in the way, a backup of the other kind): one line. */
export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/** Opens a backup file: the manifest's checksum when it has one, then the key and the tag. */
export function openBackup(name: string, file: Buffer, manifest: Manifest | undefined, key: Buffer): Dump {
  if (manifest && sha256(file) !== manifest.sha256) throw new BackupFileError(`the backup file is corrupt (its checksum differs from ${name}.manifest.json)`);
  const format = manifest?.format ?? parseBackupName(name)?.format;
  if (!format) throw new BackupFileError(`cannot tell what kind of backup ${name} is (no manifest beside it, and not a backup file name)`);
  return { format, data: decryptBackup(file, key) };
}

const TABLES_SQL = "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'platform')";

/** Into `dataDir`/pglite, which must hold no database unless `force` (the old one is then moved aside, not deleted). */
export async function restorePglite(dataDir: string, dump: Dump, force: boolean, now = new Date()): Promise<{ tables: number; movedAside?: string }> {
  if (dump.format !== 'pglite-tar-gz') throw new RestoreRefusedError('this is a PostgreSQL (pg_dump) backup: set DATABASE_URL to an empty database to restore it');
  const unlock = lockDataDir(dataDir);
  try {
    const target = join(dataDir, 'pglite');
    let movedAside: string | undefined;
    if (existsSync(target) && readdirSync(target).length > 0) {
      if (!force) throw new RestoreRefusedError(`${target} already holds a database: restore into an empty DATA_DIR, or add --force to move it aside`);
      movedAside = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
      renameSync(target, movedAside);
    }
    const pglite = await PGlite.create({ dataDir: target, loadDataDir: new Blob([dump.data]), extensions: pgliteExtensions });
    try {
      const tables = (await pglite.query<{ n: number }>(TABLES_SQL)).rows[0]!.n;
      return { tables, ...(movedAside ? { movedAside } : {}) };
    } finally {
      await pglite.close();
    }
  } finally {
    unlock();
  }
}

/** The schemas a ClientsVia database consists of: replaced whole by a forced restore. */
const APP_SCHEMAS = ['pgboss', 'platform', 'public'];

/**
 * Into the database of `url`, which must have no tables unless `force`. pg_restore runs in one
 * transaction: on an empty database a restore that fails leaves it empty. With `force` the
 * application's schemas are dropped first (pg_restore --clean cannot drop pg-boss's
 * partitioned tables), so a forced restore that fails leaves an empty database: restore again.
 */
export async function restorePostgres(url: string, dump: Dump, force: boolean, pgBinDir: string | undefined): Promise<{ tables: number }> {
  if (dump.format !== 'pg-dump-custom') throw new RestoreRefusedError('this is a PGlite backup: unset DATABASE_URL and restore it into an empty DATA_DIR');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const before = (await client.query<{ n: number }>(TABLES_SQL)).rows[0]!.n;
    if (before > 0 && !force) throw new RestoreRefusedError(`the database in DATABASE_URL already has ${before} tables: restore into an empty database, or add --force to replace them`);
    // Roles are per server, not in a dump: the restricted runtime role the grants and policies name.
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'clientsvia_app') THEN
        CREATE ROLE clientsvia_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
      IF NOT pg_has_role(current_user, 'clientsvia_app', 'MEMBER') THEN EXECUTE format('GRANT clientsvia_app TO %I', current_user); END IF;
    END $$`);
    if (before > 0) {
      await client.query(`BEGIN; DROP SCHEMA IF EXISTS ${APP_SCHEMAS.join(', ')} CASCADE; CREATE SCHEMA public; COMMIT`);
    }
    const env = pgEnv(url);
    const args = ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${env.PGDATABASE ?? 'postgres'}`];
    const result = await runTool(toolPath('pg_restore', pgBinDir), args, { env, stdin: dump.data });
    if (result.code !== 0) throw new Error(`pg_restore failed: ${firstLine(result.stderr)}`);
    return { tables: (await client.query<{ n: number }>(TABLES_SQL)).rows[0]!.n };
  } finally {
    await client.end();
  }
}
