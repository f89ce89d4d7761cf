import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { connectDatabase, pgliteExtensions } from '../../src/db/connect.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';
import { pglitePool } from '../../src/db/pglite-pool.ts';
import type { DB } from '../../src/db/schema.ts';
import { TRADE_CATEGORIES } from '../../src/modules/trade-categories/trade-categories.catalog.ts';
import { createTradeCategoriesService } from '../../src/modules/trade-categories/trade-categories.service.ts';
import { TRADE_KNOWLEDGE } from '../../src/modules/knowledge/catalog/trade-knowledge.catalog.ts';
import { entryValues } from '../../src/modules/knowledge/knowledge-text.ts';
import { createTradeKnowledgeService } from '../../src/modules/knowledge/trade-knowledge.service.ts';

/**
 * A fresh PGlite costs seconds to initialise; one loaded from a dumped, already-migrated data
 * directory costs about one. The template is keyed by the migrations and the seeded
 * reference data, so any change to either builds a new one.
 */
export function templateKey(): string {
  const h = createHash('sha256');
  for (const m of readMigrations()) h.update(m.checksum);
  h.update(JSON.stringify(TRADE_CATEGORIES));
  // The values seeded and how: a change to the derived search text or to the seeding needs a new template too.
  h.update(JSON.stringify(Object.values(TRADE_KNOWLEDGE).map((k) => ({ ...k, entries: k.entries.map(entryValues) }))));
  h.update(readFileSync(new URL('../../src/modules/knowledge/trade-knowledge.service.ts', import.meta.url)));
  return h.digest('hex').slice(0, 16);
}

const CACHE_DIR = resolve('node_modules/.cache/clientsvia');

export async function ensurePgliteTemplate(): Promise<string> {
  const file = join(CACHE_DIR, `pglite-template-${templateKey()}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, await buildAndDump());
  renameSync(tmp, file);
  return file;
}

async function buildAndDump(): Promise<Buffer> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  await migrate(db);
  await createTradeCategoriesService(db).seed();
  await createTradeKnowledgeService(db).seed();
  await db.destroy();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  return Buffer.from(await dump.arrayBuffer());
}

export function loadPgliteTemplate(file: string): Blob {
  return new Blob([readFileSync(file)]);
}

export async function ensurePostgresTemplate(url: string): Promise<string> {
  const name = `clientsvia_template_${templateKey()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building}`);
    const database = await connectDatabase({ databaseUrl: withDatabase(url, building), poolMax: 1 });
    await migrate(database.db);
    await createTradeCategoriesService(database.db).seed();
    await createTradeKnowledgeService(database.db).seed();
    await database.close();
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (err) {
      // Another run built the same template first; theirs is identical.
      if ((err as { code?: string }).code !== '42P04') throw err;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    }
    return name;
  } finally {
    await admin.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
