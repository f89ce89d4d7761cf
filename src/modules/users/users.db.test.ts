import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createApiToken, createCompany, createUserSession, login } from '../../../test/helpers/factories.ts';

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

  it('refuses a duplicate email with EMAIL_TAKEN', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const payload = { email: 'dupe@test.example', password: 'a-long-password', role: 'staff' };
    expect((await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/users`, headers: owner.headers, payload })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/users`, headers: owner.headers, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
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
