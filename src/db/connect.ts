import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { pglitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
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
}

// Both backends return the same JS shapes: `date` stays a 'YYYY-MM-DD' string (never a
// midnight in some zone) and int8 becomes a number (counts never exceed 2^53 here).
const DATE_OID = 1082;
const INT8_OID = 20;

export const pgliteExtensions = { btree_gist, pg_trgm };

export async function connectDatabase(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolMax ?? 10);
  return connectPglite(options.dataDir, options.loadDataDir);
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  const types = {
    getTypeParser(oid: number, format?: string) {
      if (oid === DATE_OID) return (v: string) => v;
      if (oid === INT8_OID) return (v: string) => Number(v);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max, types });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
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
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
    return {
      db,
      kind: 'pglite',
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
