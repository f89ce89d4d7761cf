import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/** Anything that runs SQL: the database or an open transaction. */
type Q = Kysely<DB>;

/** Ordinary and partitioned tables of one schema, by name. */
export async function tablesIn(q: Q, schema: 'public' | 'platform'): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(q);
  return r.rows.map((row) => row.name);
}

/** Tenant tables as the catalog shows them: tables in `public` with a `company_id` column. */
export async function tenantTables(q: Q): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(q);
  return r.rows.map((row) => row.name);
}
