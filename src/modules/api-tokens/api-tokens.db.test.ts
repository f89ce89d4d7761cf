import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createCompany, createUserSession } from '../../../test/helpers/factories.ts';

describe('company API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('shows a new token once, stores only its hash, and authenticates with it', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const created = await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/api-tokens`, headers: owner.headers, payload: { name: 'Zapier', scope: 'full' } });
    expect(created.statusCode).toBe(201);
    const { token, id, lastFour } = created.json();
    expect(token).toMatch(/^cvt_[\w-]{40,}$/);
    expect(lastFour).toBe(token.slice(-4));

    const stored = await sql<{ n: number }>`SELECT count(*)::int AS n FROM platform.api_tokens WHERE token_hash = ${token} OR name = ${token}`.execute(t.database.db);
    expect(stored.rows[0]!.n).toBe(0);
    const list = await t.app.inject({ method: 'GET', url: `/api/companies/${c.id}/api-tokens`, headers: owner.headers });
    expect(list.body).not.toContain(token);
    expect(list.json().items[0]).toMatchObject({ id, name: 'Zapier', lastFour, revokedAt: null });

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'api_token', companyId: c.id, id });
  });

  it('stops accepting a revoked token', async () => {
    const c = await createCompany(t.app);
    const owner = await createUserSession(t.app, c.id, 'owner');
    const { token, id } = (await t.app.inject({ method: 'POST', url: `/api/companies/${c.id}/api-tokens`, headers: owner.headers, payload: { name: 'CRM', scope: 'read' } })).json();
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/companies/${c.id}/api-tokens/${id}`, headers: owner.headers });
    expect(revoke.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(401);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/companies/${c.id}/api-tokens/${id}`, headers: owner.headers });
    expect(again.statusCode).toBe(204);
  });

  it('rejects a made-up bearer token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer cvt_not-a-real-token' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});
