import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { APP_ROLE, withPlatform, withTenant } from '../../src/db/tenant.ts';
import { createTestDatabase } from '../helpers/database.ts';
import { tablesIn, tenantTables } from './tenant-catalog.ts';
import { count, insertRow, INSUFFICIENT_PRIVILEGE, rowBuilders, snapshot, sqlErrorOf, type RowBuilder, type SeedCompany } from './tenant-rows.ts';

class Rollback extends Error {}

/** Runs `fn` as the company, then rolls everything back. */
async function inRolledBackTenant(db: Kysely<DB>, companyId: string, fn: (tx: Kysely<DB>) => Promise<void>): Promise<void> {
  try {
    await withTenant(db, companyId, async (tx) => {
      await fn(tx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
}

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Rows a statement changes. When A's own rows refer to the ones it would delete (bookings to a
 * service), the delete is refused; then the rows it would have reached are the ones it sees.
 */
async function affectedRows(tx: Kysely<DB>, statement: ReturnType<typeof sql>, table: string): Promise<number> {
  await sql`SAVEPOINT probe`.execute(tx);
  try {
    return Number((await statement.execute(tx)).numAffectedRows ?? -1);
  } catch (err) {
    if ((err as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw err;
    await sql`ROLLBACK TO SAVEPOINT probe`.execute(tx);
    return (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(tx)).rows[0]!.n;
  }
}

describe('row-level security on every tenant table', () => {
  let database: Database;
  let db: Kysely<DB>;
  let tables: string[];
  let builders: Record<string, RowBuilder>;
  const A: SeedCompany = { id: '', contactId: randomUUID(), serviceId: randomUUID(), technicianId: randomUUID(), callId: randomUUID(), digit: '1' };
  const B: SeedCompany = { id: '', contactId: randomUUID(), serviceId: randomUUID(), technicianId: randomUUID(), callId: randomUUID(), digit: '2' };

  /** Tables the seeding could not fill: every test fails on them, naming the fix. */
  function unseeded(): string[] {
    return tables
      .filter((t) => !builders[t])
      .map((t) => `tenant table "${t}" has no seed rows: add a row builder for it to rowBuilders() in test/isolation/tenant-rows.ts`);
  }

  beforeAll(async () => {
    // One connection, so "the next query" in the leak test runs on the same session.
    database = await createTestDatabase({ poolMax: 1 });
    db = database.db;
    tables = await tenantTables(db);
    const categories = await db.selectFrom('platform.trade_categories').select('id').orderBy('slug').execute();
    builders = rowBuilders(categories.map((c) => c.id));
    for (const company of [A, B]) {
      company.id = await withPlatform(db, async (trx) => {
        const row = await trx.insertInto('platform.companies')
          .values({ name: `Policy Co ${company.digit}`, slug: `policy-co-${company.digit}`, time_zone: 'America/Chicago' })
          .returning('id').executeTakeFirstOrThrow();
        return row.id;
      });
      // Seeded through the restricted role itself: a company can write its own rows.
      await withTenant(db, company.id, async (tx) => {
        for (const [table, build] of Object.entries(builders)) await insertRow(tx, table, build(company, 0));
      });
    }
  });
  afterAll(async () => database?.close());

  it('finds the tenant tables and seeds every one for both companies', async () => {
    expect(tables.length).toBeGreaterThan(0);
    const problems = unseeded();
    for (const table of Object.keys(builders)) {
      if (!tables.includes(table)) problems.push(`rowBuilders() names "${table}", which is not a tenant table (renamed or dropped?)`);
    }
    for (const table of tables.filter((t) => builders[t])) {
      for (const c of [A, B]) if ((await count(db, table, c.id)) < 1) problems.push(`${table}: no seed row for company ${c.digit}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows no rows to the restricted role when no company is set', async () => {
    const problems = unseeded();
    for (const table of tables) {
      const n = await db.transaction().execute(async (trx) => {
        await sql.raw(`SET LOCAL ROLE ${APP_ROLE}`).execute(trx);
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(trx);
        return r.rows[0]!.n;
      });
      if (n !== 0) problems.push(`${table}: ${n} rows visible without app.company_id`);
    }
    expect(problems).toEqual([]);
  });

  it("shows a company only its own rows", async () => {
    const problems = unseeded();
    for (const table of tables) {
      const expected = await count(db, table, A.id);
      const seen = await withTenant(db, A.id, async (tx) => {
        const r = await sql<{ company_id: string; n: number }>`
          SELECT company_id::text AS company_id, count(*)::int AS n FROM ${sql.table(table)} GROUP BY 1`.execute(tx);
        return r.rows;
      });
      if (seen.length !== 1 || seen[0]!.company_id !== A.id || seen[0]!.n !== expected) {
        problems.push(`${table}: company A sees ${JSON.stringify(seen)}, expected only its own ${expected} rows`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses to insert another company's row, or to move a row to another company", async () => {
    const problems = unseeded();
    for (const table of tables.filter((t) => builders[t])) {
      const insert = await sqlErrorOf(() => withTenant(db, A.id, (tx) => insertRow(tx, table, builders[table]!(B, 1))));
      if (insert?.code !== INSUFFICIENT_PRIVILEGE || !/row-level security/.test(insert.message)) {
        problems.push(`${table}: INSERT of company B's row as A gave ${JSON.stringify(insert)}, expected an RLS WITH CHECK violation (42501)`);
      }
      const move = await sqlErrorOf(() => withTenant(db, A.id, (tx) => sql`UPDATE ${sql.table(table)} SET company_id = ${B.id}`.execute(tx)));
      if (move?.code !== INSUFFICIENT_PRIVILEGE) {
        problems.push(`${table}: UPDATE moving A's rows to company B gave ${JSON.stringify(move)}, expected 42501`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("cannot update or delete another company's rows", async () => {
    const problems = unseeded();
    for (const table of tables) {
      const before = await snapshot(db, table, B.id);
      const ownRows = await count(db, table, A.id);
      for (const verb of ['UPDATE', 'DELETE'] as const) {
        const granted = await sql<{ ok: boolean }>`SELECT has_table_privilege(${APP_ROLE}, ${`public.${table}`}, ${verb}) AS ok`.execute(db);
        const targeted = verb === 'UPDATE'
          ? sql`UPDATE ${sql.table(table)} SET company_id = company_id WHERE company_id = ${B.id}`
          : sql`DELETE FROM ${sql.table(table)} WHERE company_id = ${B.id}`;
        const everything = verb === 'UPDATE' ? sql`UPDATE ${sql.table(table)} SET company_id = company_id` : sql`DELETE FROM ${sql.table(table)}`;
        if (!granted.rows[0]!.ok) {
          // Append-only tables: the role may not even try.
          const err = await sqlErrorOf(() => withTenant(db, A.id, (tx) => targeted.execute(tx)));
          if (err?.code !== INSUFFICIENT_PRIVILEGE) problems.push(`${table}: ${verb} without the privilege gave ${JSON.stringify(err)}, expected 42501`);
          continue;
        }
        const touched = await withTenant(db, A.id, async (tx) => Number((await targeted.execute(tx)).numAffectedRows ?? -1));
        if (touched !== 0) problems.push(`${table}: ${verb} of company B's rows as A touched ${touched} rows`);
        // Without a WHERE clause the statement still reaches only A's rows (rolled back).
        await inRolledBackTenant(db, A.id, async (tx) => {
          const n = await affectedRows(tx, everything, table);
          if (n !== ownRows) problems.push(`${table}: unfiltered ${verb} as A touched ${n} rows, A has ${ownRows}`);
        });
      }
      if (JSON.stringify(await snapshot(db, table, B.id)) !== JSON.stringify(before)) problems.push(`${table}: company B's rows changed`);
      if ((await count(db, table, A.id)) !== ownRows) problems.push(`${table}: company A's rows changed although every change was rolled back`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves neither the role nor the company on the connection after a transaction', async () => {
    const session = async () => (await sql<{ user: string; company: string | null; pid: number }>`
      SELECT current_user AS user, current_setting('app.company_id', true) AS company, pg_backend_pid() AS pid`.execute(db)).rows[0]!;
    const start = await session();
    expect(start.user).not.toBe(APP_ROLE);

    const inside = await withTenant(db, A.id, async (tx) => (await sql<{ user: string; company: string }>`
      SELECT current_user AS user, current_setting('app.company_id', true) AS company`.execute(tx)).rows[0]!);
    expect(inside).toEqual({ user: APP_ROLE, company: A.id });

    const afterCommit = await session();
    expect(afterCommit.pid).toBe(start.pid);
    expect(afterCommit.user).toBe(start.user);
    expect(afterCommit.company ?? '').toBe('');

    await expect(withTenant(db, B.id, async () => { throw new Rollback('boom'); })).rejects.toThrow('boom');
    const afterRollback = await session();
    expect(afterRollback.pid).toBe(start.pid);
    expect(afterRollback.user).toBe(start.user);
    expect(afterRollback.company ?? '').toBe('');
  });

  // Reference data every company inherits: readable, never writable, by the restricted role.
  const READ_ONLY_PLATFORM_TABLES = ['trade_categories', 'trade_knowledge_entries', 'trade_vocabulary', 'trade_emergencies'];

  it('keeps the restricted role out of every platform table but the trade reference data (read-only)', async () => {
    const problems: string[] = [];
    for (const table of await tablesIn(db, 'platform')) {
      const read = await sqlErrorOf(() => withTenant(db, A.id, (tx) => sql`SELECT 1 FROM ${sql.table(`platform.${table}`)} LIMIT 1`.execute(tx)));
      if (READ_ONLY_PLATFORM_TABLES.includes(table)) {
        if (read) problems.push(`platform.${table}: reading failed: ${read.message}`);
        continue;
      }
      if (read?.code !== INSUFFICIENT_PRIVILEGE || !/permission denied/.test(read.message)) {
        problems.push(`platform.${table}: SELECT as ${APP_ROLE} gave ${JSON.stringify(read)}, expected permission denied`);
      }
    }
    const write = await sqlErrorOf(() => withTenant(db, A.id, (tx) =>
      sql`INSERT INTO platform.trade_categories (slug, name) VALUES ('policy-test', 'Policy test')`.execute(tx)));
    if (write?.code !== INSUFFICIENT_PRIVILEGE) problems.push(`platform.trade_categories: INSERT as ${APP_ROLE} gave ${JSON.stringify(write)}, expected permission denied`);
    for (const table of READ_ONLY_PLATFORM_TABLES) {
      for (const statement of [sql`UPDATE ${sql.table(`platform.${table}`)} SET created_at = created_at`, sql`DELETE FROM ${sql.table(`platform.${table}`)}`]) {
        const err = await sqlErrorOf(() => withTenant(db, A.id, (tx) => statement.execute(tx)));
        if (err?.code !== INSUFFICIENT_PRIVILEGE) problems.push(`platform.${table}: a write as ${APP_ROLE} gave ${JSON.stringify(err)}, expected permission denied`);
      }
    }
    expect(problems).toEqual([]);
  });
});
