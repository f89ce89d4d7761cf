import { sql, type Transaction } from 'kysely';
import type { Db } from './connect.ts';
import type { DB } from './schema.ts';
import { timedTransaction } from './transaction-timing.ts';

/** A transaction scoped to one company: RLS shows and accepts only that company's rows. */
export type TenantTx = Transaction<DB> & { readonly __tenant: unique symbol };
/** A transaction on platform-level tables (admin routes, login, number lookup). */
export type PlatformTx = Transaction<DB>;

export const APP_ROLE = 'clientsvia_app';

/**
 * Narrows an open transaction to one company. Both settings are transaction-local
 * (`set_config(..., true)`; `set_config('role', ..., true)` is `SET LOCAL ROLE`): a pooled
 * connection never carries a company or the restricted role into the next request. One
 * statement, one round trip: every tenant request pays it. After this, the transaction runs as
 * the restricted role and can no longer touch platform tables.
 */
export async function enterTenant(trx: Transaction<DB>, companyId: string): Promise<TenantTx> {
  // A literal, not a parameter: a statement without parameters goes over the simple query
  // protocol (one message on pg; on PGlite about a third of a parameterised statement's cost,
  // and the pool sends it with the transaction's BEGIN). Only a canonical UUID is ever inlined.
  if (!UUID.test(companyId)) throw new TypeError('enterTenant: the company id is not a UUID');
  await sql.raw(`SELECT set_config('app.company_id', '${companyId}', true), set_config('role', '${APP_ROLE}', true)`).execute(trx);
  return trx as TenantTx;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one path to company data. */
export function withTenant<T>(db: Db, companyId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return timedTransaction(db, 'tenant', () => db.transaction().execute(async (trx) => fn(await enterTenant(trx, companyId))));
}

/** Platform-level work in one transaction. May end by entering a tenant (e.g. to audit). */
export function withPlatform<T>(db: Db, fn: (tx: PlatformTx) => Promise<T>): Promise<T> {
  return timedTransaction(db, 'platform', () => db.transaction().execute(fn));
}

export interface RoleSafety {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  ownsTenantTables: boolean;
}

/** What the restricted role could do if misconfigured; the server refuses to start if unsafe. */
export async function inspectAppRole(db: Db): Promise<RoleSafety> {
  const r = await sql<{ superuser: boolean; bypass: boolean; owns: boolean }>`
    SELECT r.rolsuper AS superuser, r.rolbypassrls AS bypass,
           EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = r.rolname) AS owns
    FROM pg_roles r WHERE r.rolname = ${APP_ROLE}`.execute(db);
  const row = r.rows[0];
  if (!row) throw new Error(`Database role ${APP_ROLE} does not exist; run migrations first.`);
  return { role: APP_ROLE, superuser: row.superuser, bypassRls: row.bypass, ownsTenantTables: row.owns };
}

export async function assertAppRoleIsRestricted(db: Db): Promise<void> {
  const s = await inspectAppRole(db);
  const problems = [
    s.superuser && 'is a superuser',
    s.bypassRls && 'has BYPASSRLS',
    s.ownsTenantTables && 'owns tenant tables',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`Refusing to start: runtime role ${s.role} ${problems.join(', ')}; row-level security would not isolate companies.`);
  }
}
