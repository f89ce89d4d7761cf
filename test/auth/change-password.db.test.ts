import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession, login, loginAdmin, type Session } from '../helpers/factories.ts';

describe('changing your own password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const change = (s: { headers: Record<string, string> }, currentPassword: string, newPassword: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.headers, remoteAddress, payload: { currentPassword, newPassword } });
  const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
  const signIn = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  it('lets the platform admin change its password: this session stays, the others end, only the new password signs in', async () => {
    const here = await loginAdmin(t.app);
    const elsewhere = await loginAdmin(t.app);
    const res = await change(here, ADMIN_PASSWORD, 'a-brand-new-admin-password');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ sessionsEnded: 1 });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).statusCode).toBe(401);
    expect((await signIn(ADMIN_EMAIL, 'a-brand-new-admin-password')).statusCode).toBe(200);
    // Put it back for the other tests in this file.
    expect((await change(here, 'a-brand-new-admin-password', ADMIN_PASSWORD)).statusCode).toBe(200);
  });

  it("records a company user's change in the company's audit log, without the password", async () => {
    const c = await createCompany(t.app);
    const staff = await createUserSession(t.app, c.id, 'staff');
    expect((await change(staff, staff.password, 'staff-new-password-1')).statusCode).toBe(200);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const audit = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/audit-log`, headers: owner.headers });
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'user.password_changed');
    expect(entry).toMatchObject({ entityId: staff.userId });
    expect(audit.body).not.toContain('staff-new-password-1');
    await login(t.app, staff.email, 'staff-new-password-1');
  });

  it('refuses a wrong current password with 403 WRONG_PASSWORD, throttled like sign-in, and changes nothing', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'owner');
    for (let i = 0; i < 5; i++) {
      const res = await change(user, 'not-my-password', 'whatever-new-password', '203.0.113.70');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('WRONG_PASSWORD');
    }
    const throttled = await change(user, user.password, 'whatever-new-password', '203.0.113.70');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('LOGIN_THROTTLED');
    expect((await signIn(user.email, user.password)).statusCode).toBe(200);
  });

  it('asks for a password of at least 10 characters', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'staff');
    const res = await change(user, user.password, 'short');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('body.newPassword');
  });

  it('is for people: an API token gets 403 and a visitor 401', async () => {
    const c = await createCompany(t.app);
    const token = await createApiToken(t.app, c.id);
    expect((await change(token, 'x', 'long-enough-password')).json().error.code).toBe('FORBIDDEN');
    expect((await change({ headers: {} }, 'x', 'long-enough-password')).statusCode).toBe(401);
  });
});
