import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, loginAdmin, type Session } from '../../../test/helpers/factories.ts';
import { SYSTEM_ACTOR } from '../auth/principal.ts';
import { TRADE_KNOWLEDGE } from './catalog/trade-knowledge.catalog.ts';

describe('trade knowledge', () => {
  let t: TestApp;
  let admin: Session;
  let categoryId: (slug: string) => string;
  const adminCall = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', slug: string, path = '', payload?: object) =>
    t.app.inject({ method, url: `/api/trade-categories/${categoryId(slug)}/knowledge${path}`, headers: admin.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.app);
    const categories = await t.app.ctx.services.tradeCategories.list();
    categoryId = (slug) => categories.find((c) => c.slug === slug)!.id;
  });
  afterAll(async () => t?.close());

  it('starts with the starter knowledge of plumbing, HVAC and electrical', async () => {
    for (const [slug, seed] of Object.entries(TRADE_KNOWLEDGE)) {
      const k = (await adminCall('GET', slug)).json();
      expect(k.entries.map((e: { question: string }) => e.question)).toEqual(seed.entries.map((e) => e.question));
      expect(k.vocabulary).toHaveLength(seed.vocabulary.length);
      expect(k.emergencies.map((e: { name: string }) => e.name)).toEqual(seed.emergencies.map((e) => e.name));
    }
    const gas = (await adminCall('GET', 'plumbing')).json().emergencies.find((e: { name: string }) => /gas/i.test(e.name));
    expect(gas).toMatchObject({ severity: 'life_safety', defaultAction: 'transfer_on_call' });
    expect(gas.safetyInstruction).toMatch(/leave the building/i);
  });

  it('seeds each starter item once: running it again adds nothing and an admin deletion stays deleted', async () => {
    const before = (await adminCall('GET', 'electrical')).json();
    const removed = before.entries[0];
    expect((await adminCall('DELETE', 'electrical', `/entries/${removed.id}`)).statusCode).toBe(204);
    await t.app.ctx.services.tradeKnowledge.seed();
    const after = (await adminCall('GET', 'electrical')).json();
    expect(after.entries.map((e: { id: string }) => e.id)).toEqual(before.entries.slice(1).map((e: { id: string }) => e.id));
    expect(after.vocabulary).toEqual(before.vocabulary);
  });

  it('lets the admin manage entries, vocabulary and emergencies, validating them', async () => {
    const entry = await adminCall('POST', 'roofing', '/entries', { question: 'Do you repair hail damage?', answer: 'Yes.' });
    expect(entry.statusCode).toBe(201);
    expect((await adminCall('PATCH', 'roofing', `/entries/${entry.json().id}`, { answer: 'Yes, and we work with insurers.' })).json().answer).toBe('Yes, and we work with insurers.');
    const group = await adminCall('POST', 'roofing', '/vocabulary', { terms: ['Gutter', ' gutters ', 'eavestrough'] });
    expect(group.json().terms).toEqual(['gutter', 'gutters', 'eavestrough']);
    const single = await adminCall('POST', 'roofing', '/vocabulary', { terms: ['gutter', 'GUTTER'] });
    expect(single.statusCode).toBe(400);
    expect(single.json().error.details.fields[0].field).toBe('terms');
    const emergency = await adminCall('POST', 'roofing', '/emergencies', {
      name: 'Roof leaking into the electrics', severity: 'life_safety', triggers: ['water dripping into the light fixture'], safetyInstruction: 'Switch off the breaker if you can do it from a dry floor.', defaultAction: 'transfer_on_call',
    });
    expect(emergency.json()).toMatchObject({ enabled: true, triggers: ['water dripping into the light fixture'] });
    expect((await adminCall('PATCH', 'roofing', `/emergencies/${emergency.json().id}`, { enabled: false })).json().enabled).toBe(false);
    expect((await adminCall('DELETE', 'roofing', `/emergencies/${emergency.json().id}`)).statusCode).toBe(204);
    expect((await adminCall('DELETE', 'roofing', `/emergencies/${emergency.json().id}`)).statusCode).toBe(404);
    // An id of another category's item is not found in this one.
    expect((await adminCall('PATCH', 'plumbing', `/entries/${entry.json().id}`, { answer: 'x' })).statusCode).toBe(404);
  });

  it('hides the admin routes from company users', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id, 'owner');
    const res = await t.app.inject({ method: 'GET', url: `/api/trade-categories/${categoryId('plumbing')}/knowledge`, headers: owner.headers });
    expect(res.statusCode).toBe(404);
  });

  it("gives each company the knowledge of its own trades, following changes to its trades and to the trade's knowledge", async () => {
    const company = await createCompany(t.app, { tradeCategorySlugs: ['hvac'] });
    const knowledge = t.app.ctx.services.knowledge;
    const slugs = async () => new Set((await knowledge.listInherited(company.id)).map((e) => e.tradeCategory.slug));
    expect(await slugs()).toEqual(new Set(['hvac']));
    expect((await knowledge.search(company.id, 'my toilet keeps running')).answerable).toBe(false);

    const put = await t.app.inject({
      method: 'PUT', url: `/api/companies/${company.id}/trade-categories`, headers: admin.headers, payload: { tradeCategoryIds: [categoryId('hvac'), categoryId('plumbing')] },
    });
    expect(put.statusCode).toBe(200);
    expect(await slugs()).toEqual(new Set(['hvac', 'plumbing']));
    expect((await knowledge.search(company.id, 'my toilet keeps running')).results[0]?.question).toBe('Why does my toilet keep running?');

    // A vocabulary group added by the admin takes effect on the next search.
    const question = 'Do you service geothermal systems?';
    await adminCall('POST', 'hvac', '/entries', { question, answer: 'Yes.' });
    expect((await knowledge.search(company.id, 'do you work on ground source heat')).results[0]?.question).not.toBe(question);
    await adminCall('POST', 'hvac', '/vocabulary', { terms: ['geothermal', 'ground source heat', 'ground source'] });
    expect((await knowledge.search(company.id, 'do you work on ground source heat')).results[0]?.question).toBe(question);
  });

  it('removes companies’ overrides with a deleted trade entry', async () => {
    const company = await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] });
    const entry = (await t.app.ctx.services.knowledge.listInherited(company.id))[0]!;
    await t.app.ctx.services.knowledge.setOverride(SYSTEM_ACTOR, company.id, entry.id, { enabled: false });
    expect((await adminCall('DELETE', 'plumbing', `/entries/${entry.id}`)).statusCode).toBe(204);
    const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM knowledge_overrides WHERE trade_entry_id = ${entry.id}`.execute(t.database.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('finds the emergency a caller describes, with the safety instruction to read out', async () => {
    const plumber = await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] });
    const electrician = await createCompany(t.app, { tradeCategorySlugs: ['electrical'] });
    const nobody = await createCompany(t.app, { tradeCategorySlugs: [] });
    const knowledge = t.app.ctx.services.knowledge;

    const gas = await knowledge.emergencyFor(plumber.id, 'Yeah hi, um, I think I smell gas near the water heater');
    expect(gas).toMatchObject({ severity: 'life_safety', defaultAction: 'transfer_on_call', tradeCategoryId: categoryId('plumbing') });
    expect(gas!.safetyInstruction).toMatch(/leave the building/i);
    expect((await knowledge.emergencyFor(plumber.id, 'a pipe burst and the basement is flooding'))?.name).toBe('Burst pipe or flooding');
    expect((await knowledge.emergencyFor(electrician.id, 'the outlet in the kitchen is sparking'))?.safetyInstruction).toMatch(/breaker/);
    expect(await knowledge.emergencyFor(plumber.id, 'how much does a new faucet cost')).toBeNull();
    expect(await knowledge.emergencyFor(nobody.id, 'I smell gas')).toBeNull();
  });

  it('gives speech recognition hints from the trade vocabulary and the company tags, as Twilio takes them', async () => {
    const company = await createCompany(t.app, { tradeCategorySlugs: ['plumbing'] });
    await t.app.ctx.services.knowledge.create(SYSTEM_ACTOR, company.id, { question: 'Do you fix Navien units?', answer: 'Yes.', tags: ['navien, rinnai'] });
    const hints = await t.app.ctx.services.knowledge.vocabularyHints(company.id);
    expect(hints).toEqual(expect.arrayContaining(['water heater', 'hot water tank', 'sump pump', 'navien rinnai']));
    expect(new Set(hints).size).toBe(hints.length);
    for (const h of hints) expect(h).toMatch(/^[^,]{1,100}$/);
    expect(hints.length).toBeLessThanOrEqual(500);
  });
});
