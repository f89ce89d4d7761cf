import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession } from '../../../test/helpers/factories.ts';
import { randomUUID } from 'node:crypto';
import { registeredRoutes, requestFor } from '../../../test/isolation/route-requests.ts';

describe('API token scopes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  async function tokenWith(companyId: string, headers: { cookie: string }, scope: 'read' | 'full') {
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${companyId}/api-tokens`, headers, payload: { name: `${scope} token`, scope } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; token: string; scope: string };
  }

  it('shows the scope chosen at creation in the response, the listing and /me', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const read = await tokenWith(c.id, owner.headers, 'read');
    expect(read.scope).toBe('read');
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/api-tokens`, headers: owner.headers });
    expect(list.json().items.find((x: { id: string }) => x.id === read.id)).toMatchObject({ scope: 'read' });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${read.token}` } });
    expect(me.json()).toMatchObject({ kind: 'api_token', scope: 'read' });
  });

  it('requires a scope when creating a token', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/api-tokens`, headers: owner.headers, payload: { name: 'no scope' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('body.scope');
  });

  it('lets a read-only token read but refuses every unsafe method on every route with 403 TOKEN_SCOPE, writing nothing', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const read = await tokenWith(c.id, owner.headers, 'read');
    const auth = { authorization: `Bearer ${read.token}` };
    const contacts = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/contacts`, headers: auth });
    expect(contacts.statusCode).toBe(200);

    const audit = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log`.execute(t.database.db)).rows[0]!.n;
    const before = await audit();
    // Every registered route a token can reach, with a valid-looking body: the scope decides, not the route.
    const unsafe = registeredRoutes(t.app).filter((r) => r.method !== 'GET' && r.url.startsWith('/api/companies/:companyId'));
    expect(unsafe.length).toBeGreaterThan(20);
    for (const route of unsafe) {
      const r = requestFor(route, Object.fromEntries(route.params.map((name) => [name, name === 'companyId' ? c.id : randomUUID()])));
      const res = await t.app.inject({ ...r, headers: auth });
      expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect.soft(res.json().error.code, `${r.method} ${r.url}`).toBe('TOKEN_SCOPE');
    }
    expect(await audit()).toBe(before);
  });

  it('lets a full token write, as staff', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const full = await tokenWith(c.id, owner.headers, 'full');
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/contacts`, headers: { authorization: `Bearer ${full.token}` }, payload: { name: 'Written by a full token', phones: ['773-555-0101'] } });
    expect(res.statusCode).toBe(201);
  });

  it('keeps a read-only token out of another company with 404, whatever the method', async () => {
    const a = await createCompany(t.app);
    const b = await createCompany(t.app);
    const owner = await createUserSession(t.app, a.id, 'owner');
    const read = await tokenWith(a.id, owner.headers, 'read');
    const res = await t.app.inject({ method: 'POST', url: `/api/companies/${b.id}/contacts`, headers: { authorization: `Bearer ${read.token}` }, payload: { name: 'x', phones: ['773-555-0102'] } });
    expect(res.statusCode).toBe(404);
  });
});
