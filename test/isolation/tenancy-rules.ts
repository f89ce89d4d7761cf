import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * The tenancy rules of DESIGN.md read off the PostgreSQL catalog. Each check returns one
 * line per violation, naming the table and constraint, so a failing test says what to fix.
 */
type Q = Kysely<DB>;
export type Check = (q: Q) => Promise<string[]>;

const COMPANY_REF = /current_company_id\(\)|current_setting\('app\.company_id'/;

interface TableRow {
  name: string;
  has_company: boolean;
  company_not_null: boolean;
  rls: boolean;
  forced: boolean;
}

async function publicTables(q: Q): Promise<TableRow[]> {
  const r = await sql<TableRow>`
    SELECT c.relname AS name, a.attnum IS NOT NULL AS has_company, coalesce(a.attnotnull, false) AS company_not_null,
           c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'company_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(q);
  return r.rows;
}

export const companyIdNotNull: Check = async (q) =>
  (await publicTables(q)).flatMap((t) =>
    !t.has_company ? [`${t.name}: no company_id column (every table in public is a tenant table; platform tables belong in schema platform)`]
      : !t.company_not_null ? [`${t.name}: company_id is nullable`] : []);

export const rowSecurityForced: Check = async (q) =>
  (await publicTables(q)).flatMap((t) => [
    ...(t.rls ? [] : [`${t.name}: row-level security is not enabled`]),
    ...(t.forced ? [] : [`${t.name}: row-level security is not forced`]),
  ]);

/** One policy filters both reads and writes by company; no permissive policy widens it. */
export const companyPolicy: Check = async (q) => {
  const policies = await sql<{ table: string; name: string; permissive: string; qual: string | null; with_check: string | null }>`
    SELECT tablename AS table, policyname AS name, permissive, qual, with_check FROM pg_policies WHERE schemaname = 'public'`.execute(q);
  const refersToCompany = (expr: string | null) => expr !== null && COMPANY_REF.test(expr) && expr.includes('company_id');
  const problems: string[] = [];
  for (const t of await publicTables(q)) {
    const own = policies.rows.filter((p) => p.table === t.name);
    if (!own.some((p) => refersToCompany(p.qual) && refersToCompany(p.with_check))) {
      problems.push(`${t.name}: no policy whose USING and WITH CHECK both compare company_id with current_company_id()`);
    }
    // Permissive policies are OR-ed: one that ignores the company opens the table.
    for (const p of own.filter((x) => x.permissive === 'PERMISSIVE')) {
      if (!refersToCompany(p.qual) || (p.with_check !== null && !refersToCompany(p.with_check))) {
        problems.push(`${t.name}: permissive policy ${p.name} does not filter by company (USING ${p.qual}, WITH CHECK ${p.with_check})`);
      }
    }
  }
  return problems;
};

/** The primary key, every unique constraint or index and every exclusion constraint lead with the tenant. */
export const keysIncludeCompany: Check = async (q) => {
  const r = await sql<{ table: string; index: string; kind: string; has_company: boolean }>`
    SELECT t.relname AS table, i.relname AS index,
           CASE WHEN x.indisprimary THEN 'primary key' WHEN x.indisexclusion THEN 'exclusion constraint' ELSE 'unique index' END AS kind,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'company_id' AND a.attnum = ANY (x.indkey::int2[])) AS has_company
    FROM pg_index x
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND (x.indisunique OR x.indisexclusion) ORDER BY 1, 2`.execute(q);
  const problems = r.rows.filter((k) => !k.has_company).map((k) => `${k.table}: ${k.kind} ${k.index} does not include company_id`);
  for (const t of await publicTables(q)) {
    if (!r.rows.some((k) => k.table === t.name && k.kind === 'primary key')) problems.push(`${t.name}: no primary key`);
  }
  return problems;
};

/** A reference to a tenant row pairs company_id with company_id, so it cannot cross companies. */
export const foreignKeysIncludeCompany: Check = async (q) => {
  const r = await sql<{ name: string; source: string; target: string; source_columns: string; target_columns: string }>`
    SELECT con.conname AS name, sn.nspname || '.' || src.relname AS source, dst.relname AS target,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS source_columns,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS target_columns
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
    JOIN pg_class dst ON dst.oid = con.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
    WHERE con.contype = 'f' AND dn.nspname = 'public' ORDER BY 1`.execute(q);
  return r.rows.flatMap((fk) => {
    const from = fk.source_columns.split(',');
    const to = fk.target_columns.split(',');
    const at = from.indexOf('company_id');
    return at >= 0 && to[at] === 'company_id'
      ? []
      : [`${fk.source}: foreign key ${fk.name} (${fk.source_columns}) -> ${fk.target} (${fk.target_columns}) does not pair company_id with company_id`];
  });
};

/** Platform tables become Citus reference tables (docs/scaling.md), which cannot point into a distributed one. */
export const platformReferencesNoTenant: Check = async (q) => {
  const r = await sql<{ name: string; source: string; target: string }>`
    SELECT con.conname AS name, src.relname AS source, dst.relname AS target
    FROM pg_constraint con
    JOIN pg_class src ON src.oid = con.conrelid JOIN pg_namespace sn ON sn.oid = src.relnamespace
    JOIN pg_class dst ON dst.oid = con.confrelid JOIN pg_namespace dn ON dn.oid = dst.relnamespace
    WHERE con.contype = 'f' AND sn.nspname = 'platform' AND dn.nspname = 'public' ORDER BY 1`.execute(q);
  return r.rows.map((fk) => `platform.${fk.source}: foreign key ${fk.name} -> ${fk.target} (a platform table may not reference a tenant table)`);
};

export const TENANCY_RULES: Record<string, Check> = {
  'company_id is NOT NULL in every public table': companyIdNotNull,
  'row-level security is enabled and forced': rowSecurityForced,
  'a policy filters reads and writes by company': companyPolicy,
  'primary keys and unique constraints include company_id': keysIncludeCompany,
  'foreign keys to tenant tables pair company_id': foreignKeysIncludeCompany,
  'platform tables have no foreign key into tenant tables': platformReferencesNoTenant,
};
