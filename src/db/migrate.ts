import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
// Serialises migrators across processes sharing one PostgreSQL server.
const MIGRATION_LOCK_KEY = 7_349_112_001;

export function readMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

async function ensureBookkeeping(db: Db): Promise<void> {
  await sql`CREATE SCHEMA IF NOT EXISTS platform`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS platform.schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
}

/** Applies pending migrations in order, all in one transaction (all or nothing); returns the names applied. */
export async function migrate(db: Db): Promise<string[]> {
  const migrations = readMigrations();
  return db.transaction().execute(async (trx) => {
    // The request-sized limits of a server pool do not fit here: an index build may run long,
    // and a second instance waits out the first one's migration on the advisory lock.
    await sql`SELECT set_config('statement_timeout', '0', true), set_config('lock_timeout', '0', true)`.execute(trx);
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await ensureBookkeeping(trx);
    const applied = await trx.selectFrom('platform.schema_migrations').select(['version', 'checksum', 'name']).execute();
    const byVersion = new Map(applied.map((m) => [m.version, m]));
    const done: string[] = [];
    for (const m of migrations) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      await trx.executeQuery(sql.raw(m.sql).compile(trx));
      await trx.insertInto('platform.schema_migrations').values({ version: m.version, name: m.name, checksum: m.checksum }).execute();
      done.push(m.name);
    }
    return done;
  });
}

/** Names of migrations present in the code but not yet applied (empty when current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('platform.schema_migrations')::text AS t`.execute(db);
  const all = readMigrations();
  if (!exists.rows[0]?.t) return all.map((m) => m.name);
  const applied = new Set((await db.selectFrom('platform.schema_migrations').select('version').execute()).map((r) => r.version));
  return all.filter((m) => !applied.has(m.version)).map((m) => m.name);
}
