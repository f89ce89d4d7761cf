import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createUserSession, loginAdmin } from '../../../test/helpers/factories.ts';
import { tenantTables } from '../../../test/isolation/tenant-catalog.ts';
import { insertRow, rowBuilders, type SeedCompany } from '../../../test/isolation/tenant-rows.ts';

/** Rows naming the company in every table that can: the tenant tables, the platform ones with company_id, and its own row. */
async function rowsPerTable(t: TestApp, companyId: string): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string; col: string }>`
    SELECT n.nspname || '.' || c.relname AS name, CASE WHEN n.nspname = 'platform' AND c.relname = 'companies' THEN 'id' ELSE 'company_id' END AS col
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname IN ('public', 'platform') AND c.relkind = 'r'
      AND ((n.nspname = 'platform' AND c.relname = 'companies') OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'company_id'))`.execute(t.database.db);
  const out: Record<string, string[]> = {};
  for (const { name, col } of tables.rows) {
    const r = await sql<{ row: string }>`SELECT to_jsonb(x)::text AS row FROM ${sql.table(name)} x WHERE ${sql.ref(col)} = ${companyId}`.execute(t.database.db);
    out[name] = r.rows.map((x) => x.row).sort();
  }
  return out;
}
const counts = (rows: Record<string, string[]>) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]));

describe('per-company export and deletion', () => {
  let t: TestApp;
  const companies: Array<SeedCompany & { slug: string; owner: { headers: Record<string, string> } }> = [];
  beforeAll(async () => {
    t = await createTestApp();
    const categories = await t.database.db.selectFrom('platform.trade_categories').select('id').orderBy('slug').execute();
    const builders = rowBuilders(categories.map((c) => c.id));
    for (const digit of ['1', '2']) {
      const slug = `data-co-${digit}-${randomUUID().slice(0, 6)}`;
      const company = await t.database.db.insertInto('platform.companies').values({ name: slug, slug, time_zone: 'America/Chicago' }).returning(['id', 'slug']).executeTakeFirstOrThrow();
      const seed: SeedCompany = { id: company.id, contactId: randomUUID(), serviceId: randomUUID(), technicianId: randomUUID(), callId: randomUUID(), digit };
      // A row in every tenant table, written as the company itself.
      await withTenant(t.database.db, company.id, async (tx) => {
        for (const [table, build] of Object.entries(builders)) await insertRow(tx, table, build(seed, 0));
      });
      await t.database.db.insertInto('platform.phone_numbers').values({ company_id: company.id, e164: `+1312555090${digit}` } as never).execute();
      await createApiToken(t.app, company.id);
      companies.push({ ...seed, slug: company.slug, owner: await createUserSession(t.app, company.id, 'owner') });
    }
  });
  afterAll(async () => t?.close());

  it("exports every row of the company in every tenant table, and nothing of another company's", async () => {
    const [a, b] = [companies[0]!, companies[1]!];
    const res = await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/export`, headers: a.owner.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { companyId: string; tables: Record<string, Record<string, unknown>[]> };
    expect(Object.keys(body.tables).sort()).toEqual(await tenantTables(t.database.db));
    const expected = await rowsPerTable(t, a.id);
    for (const table of Object.keys(body.tables)) {
      expect({ table, rows: body.tables[table]!.length }).toEqual({ table, rows: expected[`public.${table}`]!.length });
      expect(body.tables[table]!.length, table).toBeGreaterThan(0);
      expect(body.tables[table]!.every((r) => r.company_id === a.id)).toBe(true);
    }
    expect(body.tables.company_secrets![0]).not.toHaveProperty('ciphertext');
    expect(body.tables.speech_cache![0]).not.toHaveProperty('audio');
    expect(res.body).not.toContain(b.id);
  });

  it('lets the platform admin export, not staff, and answers 404 to another company', async () => {
    const [a, b] = [companies[0]!, companies[1]!];
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/export`, headers: (await loginAdmin(t.app)).headers })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/export`, headers: (await createUserSession(t.app, a.id, 'staff')).headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}/export`, headers: b.owner.headers })).statusCode).toBe(404);
  });

  it('deletes only with the platform admin and the right slug', async () => {
    const a = companies[0]!;
    const before = await rowsPerTable(t, a.id);
    const owner = await t.app.inject({ method: 'DELETE', url: `/api/companies/${a.id}`, headers: a.owner.headers, payload: { confirmSlug: a.slug } });
    expect(owner.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'DELETE', url: `/api/companies/${a.id}`, headers: (await loginAdmin(t.app)).headers, payload: { confirmSlug: `${a.slug}-x` } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('CONFIRMATION_MISMATCH');
    expect(await rowsPerTable(t, a.id)).toEqual(before);
  });

  it('removes every row of the company in every table, and leaves the other company untouched', async () => {
    const [a, b] = [companies[0]!, companies[1]!];
    const aBefore = counts(await rowsPerTable(t, a.id));
    const bBefore = await rowsPerTable(t, b.id);
    expect(Object.values(aBefore).every((n) => n > 0) ? 'every table has rows' : aBefore).toBe('every table has rows');

    const res = await t.app.inject({ method: 'DELETE', url: `/api/companies/${a.id}`, headers: (await loginAdmin(t.app)).headers, payload: { confirmSlug: a.slug } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deleted).toEqual(aBefore);
    expect(counts(await rowsPerTable(t, a.id))).toEqual(Object.fromEntries(Object.keys(aBefore).map((k) => [k, 0])));
    expect(await rowsPerTable(t, b.id)).toEqual(bBefore);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}`, headers: a.owner.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${b.id}/export`, headers: b.owner.headers })).statusCode).toBe(200);
  });
});
