import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/db/tenant.ts';
import { SYSTEM_ACTOR } from '../../src/modules/auth/principal.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession, type Session } from '../helpers/factories.ts';
import { INSUFFICIENT_PRIVILEGE, sqlErrorOf } from '../isolation/tenant-rows.ts';

/** Company A's knowledge never reaches company B; the trade's knowledge reaches both, read-only. */
describe('knowledge across companies', () => {
  let t: TestApp;
  let A: string;
  let B: string;
  let bOwner: Session;
  const SECRET = 'Alpha offers the zebra-stripe drain special for 12 dollars';

  beforeAll(async () => {
    t = await createTestApp();
    A = (await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] })).id;
    B = (await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] })).id;
    bOwner = await createUserSession(t.app, B, 'owner');
    const knowledge = t.app.ctx.services.knowledge;
    await knowledge.create(SYSTEM_ACTOR, A, { question: 'Do you have a zebra-stripe drain special?', answer: SECRET, tags: ['zebra'] });
    await knowledge.recordUnanswered(A, 'do you install zebra fountains');
    // A searches first, so its analyses and inherited copy are cached when B asks the same.
    await knowledge.search(A, 'do you have a zebra drain special');
  });
  afterAll(async () => t?.close());

  it("never answers B's callers from A's entries", async () => {
    const result = await t.app.ctx.services.knowledge.search(B, 'do you have a zebra stripe drain special');
    expect(JSON.stringify(result)).not.toContain('zebra-stripe');
    const http = await t.app.inject({ method: 'GET', url: `/api/companies/${B}/knowledge/search?q=zebra%20drain%20special`, headers: bOwner.headers });
    expect(http.statusCode).toBe(200);
    expect(http.body).not.toContain(SECRET);
  });

  it("shows B none of A's entries, unanswered questions or hints", async () => {
    const get = (path: string) => t.app.inject({ method: 'GET', url: `/api/companies/${B}${path}`, headers: bOwner.headers });
    for (const path of ['/knowledge', '/knowledge/export', '/knowledge/export?format=csv', '/unanswered-questions', '/knowledge/inherited']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/zebra/i);
    }
    expect(await t.app.ctx.services.knowledge.vocabularyHints(B)).not.toContain('zebra');
    const rows = await withTenant(t.database.db, B, async (tx) =>
      sql<{ n: number }>`SELECT (SELECT count(*) FROM knowledge_entries) + (SELECT count(*) FROM unanswered_questions) AS n`.execute(tx));
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it("keeps B's unanswered questions apart from A's, even the same question", async () => {
    const b = await t.app.ctx.services.knowledge.recordUnanswered(B, 'do you install zebra fountains');
    expect(b).toMatchObject({ newGroup: true, askCount: 1 });
    const aGroups = await t.app.ctx.services.knowledge.listUnanswered(A, { limit: 10, offset: 0 });
    expect(aGroups.items.map((g) => g.askCount)).toEqual([1]);
  });

  it('gives every company of a trade the same inherited knowledge, and lets neither change it', async () => {
    const knowledge = t.app.ctx.services.knowledge;
    const ofA = (await knowledge.listInherited(A)).map((e) => e.id);
    expect(ofA.length).toBeGreaterThan(10);
    expect((await knowledge.listInherited(B)).map((e) => e.id)).toEqual(ofA);

    // A switching an entry off is A's business only.
    await knowledge.setOverride(SYSTEM_ACTOR, A, ofA[0]!, { enabled: false, answer: 'alpha override' });
    expect((await knowledge.listInherited(B)).find((e) => e.id === ofA[0])).toMatchObject({ enabled: true, override: null });

    for (const statement of [
      sql`UPDATE platform.trade_knowledge_entries SET answer = 'hijacked'`,
      sql`DELETE FROM platform.trade_vocabulary`,
      sql`INSERT INTO platform.trade_emergencies (trade_category_id, name, severity, triggers, safety_instruction, default_action)
          SELECT id, 'fake', 'urgent', ARRAY['x'], 'x', 'take_message' FROM platform.trade_categories LIMIT 1`,
    ]) {
      const err = await sqlErrorOf(() => withTenant(t.database.db, B, (tx) => statement.execute(tx)));
      expect(err?.code).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });
});
