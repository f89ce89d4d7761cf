import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { connectDatabase, type Database } from '../../src/db/connect.ts';
import { backend } from '../helpers/database.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { createCompany, createUserSession, login, loginAdmin } from '../helpers/factories.ts';

/** Signed-in requests are answered from a cache of sessions: every change of access must still count at once. */
describe('signed-in sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const contacts = (app: App, companyId: string, cookie: string, method: 'GET' | 'POST' = 'GET') =>
    app.inject({ method, url: `/api/companies/${companyId}/contacts`, headers: { cookie }, ...(method === 'POST' ? { payload: { name: 'Ann Caller', phones: ['+13125550100'] } } : {}) });

  it('are refused the moment they sign out', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id);
    expect((await contacts(t.app, company.id, owner.cookie)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: owner.headers })).statusCode).toBeLessThan(300);
    expect((await contacts(t.app, company.id, owner.cookie)).statusCode).toBe(401);
  });

  it('lose owner rights the moment the role changes, and end when the user is disabled', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id);
    const other = await createUserSession(t.app, company.id);
    const tokens = (cookie: string) => t.app.inject({ method: 'GET', url: `/api/companies/${company.id}/api-tokens`, headers: { cookie } });
    expect((await tokens(other.cookie)).statusCode).toBe(200);
    const demote = await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/users/${other.userId}`, headers: owner.headers, payload: { role: 'staff' } });
    expect(demote.statusCode).toBe(200);
    expect((await tokens(other.cookie)).statusCode).toBe(403);
    const disable = await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/users/${other.userId}`, headers: owner.headers, payload: { disabled: true } });
    expect(disable.statusCode).toBe(200);
    expect((await contacts(t.app, company.id, other.cookie)).statusCode).toBe(401);
  });

  it("end everywhere else when the user changes the password", async () => {
    const company = await createCompany(t.app);
    const first = await createUserSession(t.app, company.id);
    const second = await login(t.app, first.email, first.password);
    expect((await contacts(t.app, company.id, second.cookie)).statusCode).toBe(200);
    const change = await t.app.inject({ method: 'POST', url: '/api/auth/password', headers: first.headers, payload: { currentPassword: first.password, newPassword: 'a-new-password-of-some-length' } });
    expect(change.statusCode).toBe(200);
    expect((await contacts(t.app, company.id, second.cookie)).statusCode).toBe(401);
    expect((await contacts(t.app, company.id, first.cookie)).statusCode).toBe(200);
  });

  it("can no longer write the moment the company is suspended", async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id);
    expect((await contacts(t.app, company.id, owner.cookie, 'POST')).statusCode).toBe(201);
    const admin = await loginAdmin(t.app);
    const suspend = await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}`, headers: admin.headers, payload: { status: 'suspended' } });
    expect(suspend.statusCode).toBe(200);
    expect((await contacts(t.app, company.id, owner.cookie, 'POST')).json()).toMatchObject({ error: { code: 'COMPANY_SUSPENDED' } });
  });
});

// Two app processes on one PostgreSQL server (PGlite has one process by its data-dir lock).
describe.runIf(backend === 'postgres')('signed-in sessions across app processes', () => {
  let t: TestApp;
  let secondDatabase: Database;
  let second: App;
  beforeAll(async () => {
    t = await createTestApp();
    secondDatabase = await connectDatabase({ databaseUrl: t.database.url });
    second = await buildApp({ config: t.config, database: secondDatabase });
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await secondDatabase?.close();
    await t?.close();
  });

  it('a sign-out, a demotion or a suspension in one process reaches the other', async () => {
    const company = await createCompany(t.app);
    const owner = await createUserSession(t.app, company.id);
    const staff = await createUserSession(t.app, company.id);
    const signedOut = await createUserSession(t.app, company.id);
    const tokens = (cookie: string) => second.inject({ method: 'GET', url: `/api/companies/${company.id}/api-tokens`, headers: { cookie } });
    const read = (cookie: string) => second.inject({ method: 'GET', url: `/api/companies/${company.id}/contacts`, headers: { cookie } });
    // Cached in the second process (a write there drops its own entries of the company: first).
    expect((await second.inject({ method: 'POST', url: `/api/companies/${company.id}/contacts`, headers: owner.headers, payload: { name: 'Ann', phones: ['+13125550101'] } })).statusCode).toBe(201);
    expect((await read(owner.cookie)).statusCode).toBe(200);
    expect((await read(signedOut.cookie)).statusCode).toBe(200);
    expect((await tokens(staff.cookie)).statusCode).toBe(200);

    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: signedOut.headers });
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}/users/${staff.userId}`, headers: owner.headers, payload: { role: 'staff' } });
    const admin = await loginAdmin(t.app);
    await t.app.inject({ method: 'PATCH', url: `/api/companies/${company.id}`, headers: admin.headers, payload: { status: 'suspended' } });

    // NOTIFY is delivered after the commit, asynchronously: wait for it, never for a TTL.
    await waitFor('the sign-out', async () => (await read(signedOut.cookie)).statusCode === 401);
    await waitFor('the demotion', async () => (await tokens(staff.cookie)).statusCode === 403);
    await waitFor('the suspension', async () => {
      const write = await second.inject({ method: 'POST', url: `/api/companies/${company.id}/contacts`, headers: owner.headers, payload: { name: 'Bo', phones: ['+13125550102'] } });
      return write.statusCode === 403 && (write.json() as { error: { code: string } }).error.code === 'COMPANY_SUSPENDED';
    });
  });
});
