import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { FastifyBaseLogger } from 'fastify';
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { loggableDbError } from './pg-errors.ts';
import { pglitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A real server's URL: the job queue opens its own small pool and LISTEN connection there. */
  url?: string;
  /**
   * Raw SQL outside any tenant transaction (the job queue's adapter on PGlite). Without values
   * the text may hold several statements; the rows of all of them are returned.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: LISTEN on the single session; resolves to the matching UNLISTEN. */
  listen?(channel: string, onNotification: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * PGlite only: the data directory as a gzipped tar, taken between transactions (holding the
   * single session) right after a checkpoint, so it is consistent while the server runs.
   */
  dumpDataDir?(): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** A real PostgreSQL server; when absent, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory; `undefined` keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** A dumped PGlite data directory to start from (tests share one initialised template). */
  loadDataDir?: Blob | undefined;
  poolMax?: number;
  /** A real server only: connect, statement and lock-wait limits (see Config). */
  timeouts?: DatabaseTimeouts | undefined;
  /** Told about connections that died while idle in the pool (a restart, failover, idle kill). */
  log?: Pick<FastifyBaseLogger, 'warn'> | undefined;
}

export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  lockMs: number;
}

// Both backends return the same JS shapes: `date` stays a 'YYYY-MM-DD' string (never a
// midnight in some zone) and int8 becomes a number (counts never exceed 2^53 here).
const DATE_OID = 1082;
const INT8_OID = 20;

export const pgliteExtensions = { btree_gist, pg_trgm };

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolMax ?? 10, options.timeouts, options.log);
  return connectPglite(options.dataDir, options.loadDataDir);
}

async function connectPostgres(url: string, max: number, timeouts: DatabaseTimeouts | undefined, log: ConnectOptions['log']): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    // Without a connect timeout a request waits forever for a server that does not answer.
    // The statement and lock limits are session settings sent at connect: they outlive the
    // SET LOCAL ROLE of a tenant transaction, so a stuck lock fails the request, not hangs it.
    ...(timeouts && { connectionTimeoutMillis: timeouts.connectMs, statement_timeout: timeouts.statementMs, lock_timeout: timeouts.lockMs }),
  });
  // An idle connection the server drops is already out of the pool; the next checkout opens a
  // new one. Unheard, the pool's 'error' event would end the process.
  pool.on('error', (err) => log?.warn({ err: loggableDbError(err) }, 'database connection lost while idle; it will be replaced'));
  // A checked-out connection whose socket dies between statements emits 'error' on itself; its
  // next query fails ("not queryable") and the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  // pool.query discards a connection whose statement failed, so a failed multi-statement
  // block cannot hand Kysely a connection stuck in an aborted transaction.
  const executeSql = async (text: string, values?: unknown[]) => rowsOf(await pool.query(text, values));
  return { db, kind: 'postgres', url, executeSql, close: () => db.destroy() };
}

/** A multi-statement query answers with one result per statement; keep every statement's rows. */
function rowsOf(result: { rows: unknown[] } | Array<{ rows?: unknown[] }>): { rows: unknown[] } {
  return Array.isArray(result) ? { rows: result.flatMap((r) => r.rows ?? []) } : { rows: result.rows };
}

async function connectPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: `${dataDir}/pglite` } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: pgliteExtensions,
      parsers: { [DATE_OID]: (v: string) => v },
    });
    const pool = pglitePool(pglite);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      executeSql: (text, values) => executeOnPglite(pglite, pool, text, values),
      async listen(channel, onNotification) {
        const unlisten = await onSession(pool, () => pglite.listen(channel, onNotification));
        return () => onSession(pool, () => unlisten());
      },
      dumpDataDir: () => onSession(pool, async () => {
        await pglite.exec('CHECKPOINT');
        return Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
      }),
      async close() {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * Takes PGlite's single session through the pool's mutex, so the statement can never land
 * inside a transaction Kysely holds open (nor one of ours inside its).
 */
async function executeOnPglite(pglite: PGlite, pool: PostgresPool, text: string, values: unknown[] | undefined): Promise<{ rows: unknown[] }> {
  return onSession(pool, async () => {
    try {
      if (values?.length) return { rows: (await pglite.query(text, values)).rows };
      return rowsOf(await pglite.exec(text));
    } catch (err) {
      // A failed statement inside a BEGIN ... COMMIT block leaves the one session in an aborted
      // transaction that would refuse everything after it; a pool would drop such a connection.
      await pglite.exec('ROLLBACK').catch(() => {});
      throw err;
    }
  });
}

async function onSession<T>(pool: PostgresPool, fn: () => Promise<T>): Promise<T> {
  const session = await pool.connect();
  try {
    return await fn();
  } finally {
    session.release();
  }
}
