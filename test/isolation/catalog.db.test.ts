import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import type { DB } from '../../src/db/schema.ts';
import { APP_ROLE, assertAppRoleIsRestricted } from '../../src/db/tenant.ts';
import { backend, createTestDatabase } from '../helpers/database.ts';
import { tablesIn } from './tenant-catalog.ts';
import { TENANCY_RULES } from './tenancy-rules.ts';

class Rollback extends Error {}

let database: Database;
let db: Kysely<DB>;
beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterAll(async () => database?.close());

describe('catalog: every table in public is a forced, company-keyed tenant table (and the schema qualifies for Citus, docs/scaling.md)', () => {
  it('has tenant tables to check', async () => {
    expect(await tablesIn(db, 'public')).toEqual(expect.arrayContaining(['contacts', 'audit_log']));
  });

  for (const [rule, check] of Object.entries(TENANCY_RULES)) {
    it(`holds: ${rule}`, async () => {
      expect(await check(db)).toEqual([]);
    });
  }

  it('names the table and constraint when a rule is broken', async () => {
    // A table that breaks every rule, created and checked in a transaction that is rolled back.
    const found: Record<string, string[]> = {};
    await db.transaction().execute(async (trx) => {
      await sql`CREATE TABLE isolation_canary (id uuid PRIMARY KEY, company_id uuid, code text UNIQUE, parent_id uuid REFERENCES isolation_canary (id))`.execute(trx);
      await sql`ALTER TABLE isolation_canary ENABLE ROW LEVEL SECURITY`.execute(trx);
      await sql`CREATE POLICY wide_open ON isolation_canary USING (true)`.execute(trx);
      await sql`CREATE TABLE isolation_canary_bare (x integer)`.execute(trx);
      await sql`CREATE TABLE platform.isolation_canary_ref (id uuid PRIMARY KEY, canary_id uuid REFERENCES isolation_canary (id))`.execute(trx);
      for (const [rule, check] of Object.entries(TENANCY_RULES)) found[rule] = await check(trx);
      throw new Rollback();
    }).catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
    expect(found).toEqual({
      'company_id is NOT NULL in every public table': [
        'isolation_canary: company_id is nullable',
        expect.stringMatching(/^isolation_canary_bare: no company_id column/),
      ],
      'row-level security is enabled and forced': [
        'isolation_canary: row-level security is not forced',
        'isolation_canary_bare: row-level security is not enabled',
        'isolation_canary_bare: row-level security is not forced',
      ],
      'a policy filters reads and writes by company': [
        expect.stringMatching(/^isolation_canary: no policy/),
        expect.stringMatching(/^isolation_canary: permissive policy wide_open does not filter by company/),
        expect.stringMatching(/^isolation_canary_bare: no policy/),
      ],
      'primary keys and unique constraints include company_id': [
        'isolation_canary: unique index isolation_canary_code_key does not include company_id',
        'isolation_canary: primary key isolation_canary_pkey does not include company_id',
        'isolation_canary_bare: no primary key',
      ],
      'foreign keys to tenant tables pair company_id': [
        expect.stringMatching(/^public\.isolation_canary: foreign key isolation_canary_parent_id_fkey \(parent_id\) -> isolation_canary \(id\)/),
        expect.stringMatching(/^platform\.isolation_canary_ref: foreign key isolation_canary_ref_canary_id_fkey \(canary_id\) -> isolation_canary \(id\)/),
      ],
      'platform tables have no foreign key into tenant tables': [
        'platform.isolation_canary_ref: foreign key isolation_canary_ref_canary_id_fkey -> isolation_canary (a platform table may not reference a tenant table)',
      ],
    });
    expect(await tablesIn(db, 'public')).not.toContain('isolation_canary');
  });
});

describe(`catalog: the runtime role ${APP_ROLE}`, () => {
  it('is neither superuser nor BYPASSRLS', async () => {
    const r = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = ${APP_ROLE}`.execute(db);
    expect(r.rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it('owns nothing in public or platform (an owner is exempt from RLS unless forced, and may alter policies)', async () => {
    const r = await sql<{ object: string }>`
      SELECT n.nspname || '.' || c.relname AS object FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'platform') AND c.relowner = (SELECT oid FROM pg_roles WHERE rolname = ${APP_ROLE})`.execute(db);
    expect(r.rows.map((x) => `${x.object} is owned by ${APP_ROLE}`)).toEqual([]);
  });

  it('passes the start-up check', async () => {
    await expect(assertAppRoleIsRestricted(db)).resolves.toBeUndefined();
  });

  // Roles are cluster-wide: on a shared server, altering one would hit every test file running in parallel.
  it.skipIf(backend === 'postgres')('makes the start-up check refuse a BYPASSRLS role (PGlite only: roles are cluster-global on a shared server)', async () => {
    await sql.raw(`ALTER ROLE ${APP_ROLE} BYPASSRLS`).execute(db);
    try {
      await expect(assertAppRoleIsRestricted(db)).rejects.toThrow(/has BYPASSRLS/);
    } finally {
      await sql.raw(`ALTER ROLE ${APP_ROLE} NOBYPASSRLS`).execute(db);
    }
    await expect(assertAppRoleIsRestricted(db)).resolves.toBeUndefined();
  });
});
