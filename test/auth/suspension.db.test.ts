import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin, type Session } from '../helpers/factories.ts';

describe('a suspended company', () => {
  let t: TestApp;
  let companyId: string;
  let owner: Session;
  let token: Awaited<ReturnType<typeof createApiToken>>;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    companyId = (await createCompany(t.app, { name: 'Suspended Plumbing' })).id;
    owner = await createUserSession(t.app, companyId, 'owner');
    token = await createApiToken(t.app, companyId);
    admin = await loginAdmin(t.app);
  });
  afterAll(async () => t?.close());

  const call = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', path: string, headers: Record<string, string>, payload?: object) =>
    t.app.inject({ method, url: `/api/companies/${companyId}${path}`, headers, ...(payload ? { payload } : {}) });
  const setStatus = async (status: 'active' | 'suspended') =>
    expect((await t.app.inject({ method: 'PATCH', url: `/api/companies/${companyId}`, headers: admin.headers, payload: { status } })).statusCode).toBe(200);

  it('lets its users read but change nothing, refuses its tokens, and leaves the platform admin unaffected', async () => {
    expect((await call('PUT', '/booking-settings', owner.headers, { minNoticeMinutes: 60 })).statusCode).toBe(200);
    await setStatus('suspended');
    try {
      expect((await call('GET', '/booking-settings', owner.headers)).json().minNoticeMinutes).toBe(60);

      const write = await call('PUT', '/booking-settings', owner.headers, { minNoticeMinutes: 120 });
      expect(write.statusCode).toBe(403);
      expect(write.json().error.code).toBe('COMPANY_SUSPENDED');
      const created = await call('POST', '/contacts', owner.headers, { name: 'Mary' });
      expect(created.json().error.code).toBe('COMPANY_SUSPENDED');

      for (const method of ['GET', 'POST'] as const) {
        const res = await call(method, '/contacts', token.headers, method === 'POST' ? { name: 'Bot' } : undefined);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('COMPANY_SUSPENDED');
      }
      expect((await call('GET', '/contacts', owner.headers)).json().items).toEqual([]);

      expect((await call('PUT', '/booking-settings', admin.headers, { minNoticeMinutes: 90 })).statusCode).toBe(200);
      expect((await call('GET', '/booking-settings', owner.headers)).json().minNoticeMinutes).toBe(90);
    } finally {
      await setStatus('active');
    }
    expect((await call('PUT', '/booking-settings', owner.headers, { minNoticeMinutes: 30 })).statusCode).toBe(200);
    expect((await call('GET', '/contacts', token.headers)).statusCode).toBe(200);
  });

  it('still lets its users sign out', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    await setStatus('suspended');
    try {
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: staff.headers })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: staff.headers })).statusCode).toBe(401);
    } finally {
      await setStatus('active');
    }
  });

  it("answers another company's URL with 404 as before, suspended or not", async () => {
    const other = (await createCompany(t.app)).id;
    await setStatus('suspended');
    try {
      const res = await t.app.inject({ method: 'PUT', url: `/api/companies/${other}/booking-settings`, headers: owner.headers, payload: { minNoticeMinutes: 5 } });
      expect(res.statusCode).toBe(404);
    } finally {
      await setStatus('active');
    }
  });
});
