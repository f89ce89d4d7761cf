import { sql } from 'kysely';
import type { Db } from './connect.ts';

/**
 * What PostgreSQL's autovacuum does on a server, for embedded PGlite, which has none: without
 * it the planner never learns a table's size (a 20-row page of a large table is read as a
 * sort of every row, where an index scan reads 21) and updated rows are never reclaimed. Each
 * table gets `VACUUM (ANALYZE)` as a statement of its own, so the single connection is free
 * between tables (measured: about 0.1 s for a 400,000-row table, 1 ms once clean).
 */
export async function vacuumAnalyzeTables(db: Db): Promise<{ tables: number }> {
  const tables = await sql<{ schema: string; name: string }>`
    SELECT schemaname AS schema, tablename AS name FROM pg_tables
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname, tablename`.execute(db);
  for (const t of tables.rows) {
    await sql`VACUUM (ANALYZE) ${sql.id(t.schema, t.name)}`.execute(db);
  }
  return { tables: tables.rows.length };
}
