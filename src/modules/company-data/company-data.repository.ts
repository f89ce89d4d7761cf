import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { PlatformTx, TenantTx } from '../../db/tenant.ts';

/** A table holding a company's rows: schema-qualified name and the column naming the company. */
export interface CompanyTable {
  name: string;
  column: 'company_id' | 'id';
}

/**
 * SQL only. Which tables hold a company's rows is read off the catalog, never listed by hand:
 * every table in `public` (each has company_id), the platform tables with a company_id column,
 * and the company's own row in platform.companies.
 */
export const companyDataRepository = {
  /** Every table in `public`: the tenant tables. */
  async tenantTables(q: Db | TenantTx): Promise<string[]> {
    const r = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(q);
    return r.rows.map((row) => row.name);
  },

  /**
   * The tables to delete a company from, children first: a foreign key that blocks deleting
   * its target (NO ACTION, RESTRICT) orders the referencing table before it, and so does one that
   * cascades (so its rows are counted where they are, not deleted unseen with their parent);
   * keys that set null do not constrain the order (calls and bookings point at each other so).
   */
  async deletionOrder(trx: PlatformTx): Promise<CompanyTable[]> {
    const tables = await sql<{ name: string; column: 'company_id' | 'id' }>`
      SELECT n.nspname || '.' || c.relname AS name, CASE WHEN c.relname = 'companies' AND n.nspname = 'platform' THEN 'id' ELSE 'company_id' END AS column
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'platform') AND c.relkind IN ('r', 'p')
        AND ((n.nspname = 'platform' AND c.relname = 'companies')
          OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped))`.execute(trx);
    const edges = await sql<{ child: string; parent: string }>`
      SELECT cn.nspname || '.' || cc.relname AS child, pn.nspname || '.' || pc.relname AS parent
      FROM pg_constraint k
      JOIN pg_class cc ON cc.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
      JOIN pg_class pc ON pc.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
      WHERE k.contype = 'f' AND k.confdeltype IN ('a', 'r', 'c') AND k.conrelid <> k.confrelid`.execute(trx);
    return childrenFirst(tables.rows, edges.rows);
  },

  /** The company's rows of one tenant table as JSON objects (RLS shows only the company's). */
  async rowsOf(tx: TenantTx, companyId: string, table: string): Promise<Record<string, unknown>[]> {
    const r = await sql<{ row: Record<string, unknown> }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t WHERE company_id = ${companyId}`.execute(tx);
    return r.rows.map((x) => x.row);
  },

  async deleteFrom(trx: PlatformTx, table: CompanyTable, companyId: string): Promise<number> {
    const r = await sql`DELETE FROM ${sql.table(table.name)} WHERE ${sql.ref(table.column)} = ${companyId}`.execute(trx);
    return Number(r.numAffectedRows ?? 0);
  },

  async count(q: Db | PlatformTx, table: CompanyTable, companyId: string): Promise<number> {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table.name)} WHERE ${sql.ref(table.column)} = ${companyId}`.execute(q);
    return r.rows[0]!.n;
  },
};

/** Kahn's order over the blocking edges; a cycle of blocking keys (none today) keeps catalog order. */
function childrenFirst(tables: CompanyTable[], edges: Array<{ child: string; parent: string }>): CompanyTable[] {
  const names = new Set(tables.map((t) => t.name));
  const blockers = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) if (names.has(e.child) && names.has(e.parent)) blockers.get(e.parent)!.add(e.child);
  const ordered: CompanyTable[] = [];
  const left = [...tables].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (left.length > 0) {
    const i = Math.max(0, left.findIndex((t) => [...blockers.get(t.name)!].every((c) => ordered.some((o) => o.name === c))));
    ordered.push(...left.splice(i, 1));
  }
  return ordered;
}
