import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession, login, loginAdmin, type Session } from '../../../test/helpers/factories.ts';

describe('the platform admin', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => t?.close());

  const companyCount = async () => (await t.app.inject({ method: 'GET', url: '/api/companies?limit=200', headers: admin.headers })).json().items.length;
  const newCompany = (overrides: Record<string, unknown> = {}) => ({
    name: 'Northside Drains', timeZone: 'America/Phoenix', template: 'plumbing',
    owner: { email: 'owner@northside.example', name: 'Nia North', password: 'first-password-1' },
    ...overrides,
  });

  it('lists the trade templates', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/platform/templates', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((x: { key: string }) => x.key)).toEqual(expect.arrayContaining(['electrical', 'hvac', 'plumbing']));
  });

  it('creates a company from a template in one step: its name and zone, the template agent, services and knowledge, and an owner who can sign in', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/platform/companies', headers: admin.headers, payload: newCompany() });
    expect(res.statusCode).toBe(201);
    const { company, ownerUserId } = res.json();
    expect(company).toMatchObject({ name: 'Northside Drains', timeZone: 'America/Phoenix', status: 'active' });
    expect(company.tradeCategories.map((c: { slug: string }) => c.slug)).toEqual(['plumbing']);
    const owner = await login(t.app, 'owner@northside.example', 'first-password-1');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: owner.headers })).json();
    expect(me).toMatchObject({ id: ownerUserId, role: 'owner', companyId: company.id });
    const config = (await t.app.inject({ method: 'GET', url: `/api/companies/${company.id}/config`, headers: owner.headers })).json();
    expect(config.company.name).toBe('Northside Drains');
    expect(config.booking.services.length).toBeGreaterThan(2);
    expect(config.knowledge.entries.length).toBeGreaterThan(0);
    // The example's numbers are not the new company's.
    expect(config.phoneNumbers).toEqual([]);
  });

  it('refuses an unknown template or an email already in use, leaving no company behind', async () => {
    const before = await companyCount();
    const unknown = await t.app.inject({ method: 'POST', url: '/api/platform/companies', headers: admin.headers, payload: newCompany({ name: 'Ghost One', template: 'roofing-x' }) });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_TEMPLATE');
    const taken = await t.app.inject({
      method: 'POST', url: '/api/platform/companies', headers: admin.headers,
      payload: newCompany({ name: 'Ghost Two', owner: { email: 'owner@northside.example', password: 'first-password-1' } }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('EMAIL_TAKEN');
    expect(await companyCount()).toBe(before);
  });

  it('shows the version, the database readiness and the job queue', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/platform/status', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: t.config.version, database: { ready: true, pendingMigrations: [] } });
    expect(res.json().jobs).toHaveProperty('failed');
  });

  it('refuses company users on every platform route', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    for (const [method, url] of [['GET', '/api/platform/templates'], ['GET', '/api/platform/status'], ['POST', '/api/platform/companies']] as const) {
      const res = await t.app.inject({ method, url, headers: owner.headers, ...(method === 'POST' ? { payload: newCompany({ name: 'Sneaky' }) } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBeGreaterThanOrEqual(403);
      expect(res.statusCode).toBeLessThan(405);
    }
  });
});
