import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export interface SeedCompany {
  id: string;
  contactId: string;
  /** Keeps each company's phone numbers distinct. */
  digit: string;
}
type Row = Record<string, unknown>;
export type RowBuilder = (company: SeedCompany, n: number) => Row;

/**
 * A valid row per tenant table, in dependency order; `n` makes rows distinct within a company.
 * A new tenant table needs an entry here: policies.db.test.ts fails until it has one, so no table
 * escapes the policy checks.
 */
export function rowBuilders(tradeCategoryIds: string[]): Record<string, RowBuilder> {
  return {
    contacts: (c, n) => ({ company_id: c.id, id: n === 0 ? c.contactId : randomUUID(), name: `Policy contact ${n}` }),
    contact_phones: (c, n) => ({ company_id: c.id, e164: `+1312555${c.digit}${String(n).padStart(3, '0')}`, contact_id: c.contactId }),
    audit_log: (c) => ({ company_id: c.id, actor_type: 'system', action: 'test.seeded', entity_type: 'test' }),
    company_trade_categories: (c, n) => ({ company_id: c.id, trade_category_id: tradeCategoryIds[n] }),
  };
}

export function insertRow(q: Kysely<DB>, table: string, row: Row) {
  const columns = Object.keys(row);
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) VALUES (${sql.join(columns.map((c) => row[c]))})`.execute(q);
}

/** Rows of one company as the connecting (unrestricted) role sees them, comparable before/after. */
export async function snapshot(q: Kysely<DB>, table: string, companyId: string): Promise<string[]> {
  const r = await sql<{ row: string }>`SELECT to_jsonb(t)::text AS row FROM ${sql.table(table)} t WHERE company_id = ${companyId}`.execute(q);
  return r.rows.map((x) => x.row).sort();
}

export async function count(q: Kysely<DB>, table: string, companyId: string): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE company_id = ${companyId}`.execute(q);
  return r.rows[0]!.n;
}

/** The SQL error a call ends with (code and message), or null when it succeeds. */
export async function sqlErrorOf(run: () => Promise<unknown>): Promise<{ code: string | undefined; message: string } | null> {
  try {
    await run();
    return null;
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message };
  }
}

/** SQLSTATE 42501: permission denied, and also a row refused by a row-level security policy. */
export const INSUFFICIENT_PRIVILEGE = '42501';
