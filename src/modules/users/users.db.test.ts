import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, login, loginAdmin } from '../../../test/helpers/factories.ts';

describe('company users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('lets an owner add a staff user who can then sign in, never exposing the password hash', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const res = await t.app.inject({
      method: 'POST', url: `/api/companies/${c.id}/users`, headers: owner.headers,
      payload: { email: 'New.Tech@Test.Example', name: 'New Tech', password: 'a-long-password', role: 'staff' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'new.tech@test.example', role: 'staff', companyId: c.id, disabled: false });
    expect(res.body).not.toMatch(/password|hash|argon/i);
    const session = await login(t.app, 'new.tech@test.example', 'a-long-password');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(me.json()).toMatchObject({ role: 'staff', companyId: c.id });
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/users`, headers: owner.headers });
    expect(list.body).not.toMatch(/hash|argon/i);
    expect(list.json().items).toHaveLength(2);
  });

  it('refuses an email in use: EMAIL_TAKEN for the platform admin, EMAIL_UNAVAILABLE for an owner, alike wherever the account is', async () => {
    const a = await createCompany(t.app);
    const b = await createCompany(t.app);
    const ownerB = await createUserSession(t.app, b.id, 'owner');
    const add = (headers: { cookie: string }, email: string) =>
      t.app.inject({ method: 'POST', url: `/api/companies/${b.id}/users`, headers, payload: { email, password: 'a-long-password', role: 'staff' } });
    const inA = await createUserSession(t.app, a.id, 'staff');
    expect((await add(ownerB.headers, 'mine@test.example')).statusCode).toBe(201);

    // Another company's user, the platform admin, one of B's own: one answer, naming nobody.
    const answers = await Promise.all([inA.email, ADMIN_EMAIL, 'mine@test.example'].map(async (email) => (await add(ownerB.headers, email)).json()));
    for (const body of answers) expect(body).toEqual(answers[2]);
    expect(answers[2].error.code).toBe('EMAIL_UNAVAILABLE');
    expect(JSON.stringify(answers)).not.toContain(a.id);

    const admin = await loginAdmin(t.app);
    const byAdmin = await add(admin.headers, inA.email);
    expect(byAdmin.statusCode).toBe(409);
    expect(byAdmin.json().error.code).toBe('EMAIL_TAKEN');
  });

  it("gives an owner five refusals a day, then refuses every addition for a while, however many are sent at once", async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const add = (email: string) => t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/users`, headers: owner.headers, payload: { email, password: 'a-long-password', role: 'staff' } });
    // Additions that succeed do not count.
    for (let i = 0; i < 6; i++) expect((await add(`new-${i}-${c.id}@test.example`)).statusCode).toBe(201);
    const probes = await Promise.all(Array.from({ length: 12 }, (_, i) => add(i % 2 ? ADMIN_EMAIL : owner.email)));
    const codes = probes.map((r) => r.json().error.code as string);
    expect(codes.filter((x) => x === 'EMAIL_UNAVAILABLE')).toHaveLength(5);
    expect(codes.filter((x) => x === 'RATE_LIMITED')).toHaveLength(7);
    const fresh = await add(`after-${c.id}@test.example`);
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps staff and API tokens out of team management', async () => {
    const c = await createCompany(t.app);
    const staff = await createUserSession(t.app, c.id, 'staff');
    const token = await createApiToken(t.app, c.id);
    const payload = { email: 'x@test.example', password: 'a-long-password', role: 'owner' };
    const byStaff = await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/users`, headers: staff.headers, payload });
    expect(byStaff.statusCode).toBe(403);
    expect(byStaff.json().error.code).toBe('FORBIDDEN');
    const byToken = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/users`, headers: token.headers });
    expect(byToken.statusCode).toBe(403);
  });

  it('never leaves a company without an active owner', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}/users/${owner.userId}`, headers: owner.headers, payload: { role: 'staff' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_OWNER');
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/companies/${c.id}/users/${owner.userId}`, headers: owner.headers });
    expect(remove.statusCode).toBe(409);
    const still = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/users/${owner.userId}`, headers: owner.headers });
    expect(still.json().role).toBe('owner');
  });

  it('ends the sessions of a user who is disabled or whose password changes', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const staff = await createUserSession(t.app, c.id, 'staff');
    const change = await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}/users/${staff.userId}`, headers: owner.headers, payload: { password: 'another-long-password' } });
    expect(change.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: staff.headers })).statusCode).toBe(401);
    const again = await login(t.app, staff.email, 'another-long-password');
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}/users/${staff.userId}`, headers: owner.headers, payload: { disabled: true } });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: again.headers })).statusCode).toBe(401);
    const relogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: staff.email, password: 'another-long-password' } });
    expect(relogin.statusCode).toBe(401);
  });

  it('audits user changes without recording the password', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const staff = await createUserSession(t.app, c.id, 'staff');
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${c.id}/users/${staff.userId}`, headers: owner.headers, payload: { password: 'secret-new-password', name: 'Renamed' } });
    const audit = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/audit-log?entityType=user`, headers: owner.headers });
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'user.updated');
    expect(entry.changes).toMatchObject({ name: 'Renamed', password: '[changed]' });
    expect(audit.body).not.toContain('secret-new-password');
  });
});
