import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createCompany } from '../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../modules/auth/principal.ts';
import { contactsRepository } from '../modules/contacts/contacts.repository.ts';
import { vacuumAnalyzeTables } from './maintenance.ts';
import { withTenant } from './tenant.ts';

const CONTACTS = 300;
const PAGE = 20;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('database maintenance (VACUUM ANALYZE per table)', () => {
  let t: TestApp;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app)).id;
    for (let i = 0; i < CONTACTS; i++) {
      await t.app.ctx.services.contacts.create(SYSTEM_ACTOR, companyId, { name: `Customer ${i}`, phones: [`+1312555${String(1000 + i)}`] });
    }
  }, 120_000);
  afterAll(async () => t?.close());

  /** How the contacts list's own first page reads the contacts table, as the company. */
  const contactScans = () =>
    withTenant(t.database.db, companyId, async (tx) => {
      const query = contactsRepository.listQuery(tx, companyId, undefined, { limit: PAGE, offset: 0 }).compile();
      const result = await tx.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({ ...query, sql: `EXPLAIN (ANALYZE, FORMAT JSON) ${query.sql}` });
      return nodesOf(result.rows[0]!['QUERY PLAN'][0].Plan).filter((n) => n['Relation Name'] === 'contacts');
    });

  it.runIf(process.env.TEST_BACKEND === 'pglite')('finds PGlite never analyzed: the first page reads every contact (no autovacuum)', async () => {
    const scans = await contactScans();
    expect(scans.map((s) => s['Actual Rows'])).toEqual([CONTACTS]);
  });

  it('analyzes every table, so the first page of a large list reads the index and a page of rows, not every row', async () => {
    const { tables } = await vacuumAnalyzeTables(t.database.db);
    expect(tables).toBeGreaterThan(30);
    const estimate = await sql<{ n: number }>`SELECT reltuples::int AS n FROM pg_class WHERE oid = 'public.contacts'::regclass`.execute(t.database.db);
    expect(estimate.rows[0]!.n).toBe(CONTACTS);
    const scans = await contactScans();
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ 'Node Type': expect.stringMatching(/^Index (Only )?Scan$/), 'Index Name': 'contacts_recent_idx' });
    expect(scans[0]!['Actual Rows']).toBeLessThanOrEqual(PAGE + 2);
  });
});
