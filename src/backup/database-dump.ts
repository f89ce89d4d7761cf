import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions, type Database } from '../db/connect.ts';
import { firstLine, majorOf, pgEnv, runTool, ToolMissingError, toolPath } from './pg-tools.ts';

export type DumpFormat = 'pglite-tar-gz' | 'pg-dump-custom';

export interface Dump {
  format: DumpFormat;
  data: Buffer;
}

/** This database cannot be backed up by us (said once in the log; the provider's backups apply). */
export class BackupUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupUnavailableError';
  }
}

const TABLES_SQL = "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('public', 'platform')";

/** Tables in the application's schemas: what a dump must bring back. */
export async function countTables(database: Pick<Database, 'executeSql'>): Promise<number> {
  const { rows } = await database.executeSql(TABLES_SQL, []);
  return (rows[0] as { n: number }).n;
}

/** PGlite: its data directory (consistent, taken between transactions). A server: pg_dump's custom format. */
export async function dumpDatabase(database: Database, pgBinDir: string | undefined): Promise<Dump> {
  if (database.dumpDataDir) return { format: 'pglite-tar-gz', data: await database.dumpDataDir() };
  if (!database.url) throw new BackupUnavailableError('this database offers no way to dump it');
  const pgDump = toolPath('pg_dump', pgBinDir);
  await assertToolFitsServer(database, pgDump);
  const result = await runTool(pgDump, ['--format=custom', '--no-password'], { env: pgEnv(database.url) });
  if (result.code !== 0) throw new Error(`pg_dump failed: ${firstLine(result.stderr)}`);
  return { format: 'pg-dump-custom', data: result.stdout };
}

/** pg_dump refuses a newer server; say so in one line instead of its error every day. */
async function assertToolFitsServer(database: Database, pgDump: string): Promise<void> {
  let line: string;
  try {
    line = (await runTool(pgDump, ['--version'])).stdout.toString('utf8');
  } catch (err) {
    if (err instanceof ToolMissingError) {
      throw new BackupUnavailableError("pg_dump is not installed here: rely on your database provider's backups and point-in-time recovery, or install pg_dump (BACKUP_PG_BIN_DIR)");
    }
    throw err;
  }
  const client = majorOf(line);
  const { rows } = await database.executeSql('SHOW server_version_num', []);
  const server = Math.floor(Number((rows[0] as { server_version_num: string }).server_version_num) / 10_000);
  if (client === undefined || client < server) {
    throw new BackupUnavailableError(`pg_dump ${client ?? '(unknown version)'} cannot dump PostgreSQL ${server}: install pg_dump ${server} or newer and point BACKUP_PG_BIN_DIR at it, or rely on your provider's backups`);
  }
}

/** Opens a dump the way a restore would and counts its tables. */
export async function countTablesInDump(dump: Dump, pgBinDir: string | undefined): Promise<number> {
  if (dump.format === 'pglite-tar-gz') {
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump.data]), extensions: pgliteExtensions });
    try {
      return (await pglite.query<{ n: number }>(TABLES_SQL)).rows[0]!.n;
    } finally {
      await pglite.close();
    }
  }
  const listed = await runTool(toolPath('pg_restore', pgBinDir), ['--list'], { stdin: dump.data });
  if (listed.code !== 0) throw new Error(`pg_restore --list cannot read the dump: ${firstLine(listed.stderr)}`);
  return listed.stdout.toString('utf8').split('\n').filter((l) => /^\d+; \d+ \d+ TABLE (public|platform) /.test(l)).length;
}
