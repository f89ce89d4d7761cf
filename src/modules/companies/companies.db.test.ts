import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, loginAdmin, type Session } from '../../../test/helpers/factories.ts';

describe('companies', () => {
  let t: TestApp;
  let admin: Session;
  let plumbingId: string;
  let hvacId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.app);
    const cats = (await t.app.inject({ method: 'GET', url: '/api/trade-categories', headers: admin.headers })).json().items as Array<{ id: string; slug: string }>;
    plumbingId = cats.find((c) => c.slug === 'plumbing')!.id;
    hvacId = cats.find((c) => c.slug === 'hvac')!.id;
  });
  afterAll(async () => t?.close());

  it('lists the ten seeded global trade categories', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/trade-categories', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const names = (res.json().items as Array<{ name: string }>).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Plumbing', 'HVAC', 'Electrical', 'Roofing', 'Appliance Repair', 'Garage Doors', 'Locksmith', 'Pest Control', 'Landscaping', 'Cleaning']));
    expect(names).toHaveLength(10);
  });

  it('lets the admin create a company with trade categories and a generated slug', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/companies', headers: admin.headers,
      payload: { name: 'Ace Plumbing & Heating', timeZone: 'America/New_York', tradeCategoryIds: [plumbingId, hvacId] },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Ace Plumbing & Heating', slug: 'ace-plumbing-heating', timeZone: 'America/New_York', status: 'active' });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.tradeCategories.map((c: { slug: string }) => c.slug).sort()).toEqual(['hvac', 'plumbing']);
  });

  it('rejects an unknown time zone, a taken slug and unknown categories without writing anything', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/companies?limit=200', headers: admin.headers })).json().items.length;
    const tz = await t.app.inject({ method: 'POST', url: '/api/companies', headers: admin.headers, payload: { name: 'X', timeZone: 'Mars/Olympus' } });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.code).toBe('INVALID_TIME_ZONE');
    await t.app.inject({ method: 'POST', url: '/api/companies', headers: admin.headers, payload: { name: 'Dup', slug: 'dup-co', timeZone: 'UTC' } });
    const dup = await t.app.inject({ method: 'POST', url: '/api/companies', headers: admin.headers, payload: { name: 'Dup 2', slug: 'dup-co', timeZone: 'UTC' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('SLUG_TAKEN');
    const cat = await t.app.inject({
      method: 'POST', url: '/api/companies', headers: admin.headers,
      payload: { name: 'Bad Cat', timeZone: 'UTC', tradeCategoryIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(cat.statusCode).toBe(400);
    expect(cat.json().error.code).toBe('VALIDATION_FAILED');
    const after = (await t.app.inject({ method: 'GET', url: '/api/companies?limit=200', headers: admin.headers })).json().items.length;
    expect(after).toBe(before + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/companies?limit=200', headers: admin.headers })).json().items.some((c: { name: string }) => c.name === 'Bad Cat')).toBe(false);
  });

  it('shows a company user only its own company and hides admin-only routes', async () => {
    const a = await createCompany(t.app);
    await createCompany(t.app);
    const owner = await createUserSession(t.app, a.id, 'owner');
    const list = await t.app.inject({ method: 'GET', url: '/api/companies', headers: owner.headers });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const create = await t.app.inject({ method: 'POST', url: '/api/companies', headers: owner.headers, payload: { name: 'Mine', timeZone: 'UTC' } });
    expect(create.statusCode).toBe(404);
  });

  it('lets an owner rename the company but only the admin suspend it, and audits both', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const staff = await createUserSession(t.app, c.id, 'staff');
    const rename = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}`, headers: owner.headers, payload: { name: 'Renamed Co' } });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().name).toBe('Renamed Co');
    const staffRename = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}`, headers: staff.headers, payload: { name: 'Nope' } });
    expect(staffRename.statusCode).toBe(403);
    const ownerSuspend = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}`, headers: owner.headers, payload: { status: 'suspended' } });
    expect(ownerSuspend.statusCode).toBe(403);
    const suspend = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}`, headers: admin.headers, payload: { status: 'suspended' } });
    expect(suspend.json().status).toBe('suspended');
    const audit = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/audit-log`, headers: owner.headers });
    const actions = audit.json().items.map((e: { action: string; actor: { label: string } }) => `${e.action}:${e.actor.label}`);
    expect(actions).toEqual(expect.arrayContaining(['company.updated:' + owner.email, 'company.updated:admin@test.example', 'company.created:system']));
  });

  it('replaces trade categories', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const res = await t.app.inject({ method: 'PUT', url: `/api/companies/${c.id}/trade-categories`, headers: owner.headers, payload: { tradeCategoryIds: [hvacId] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().tradeCategories.map((x: { slug: string }) => x.slug)).toEqual(['hvac']);
  });

  it('answers 404 for a company that does not exist, even to the admin', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/companies/5f0c1a52-9a33-4a49-8f7a-0a1b2c3d4e5f', headers: admin.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
