import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession, loginAdmin, type Session } from '../helpers/factories.ts';

/**
 * The website widget from the API's side: each company lists the sites that may use it; CORS
 * is answered for those sites only and only on the widget's endpoints; any other site is
 * refused with a stable code before anything runs; the owner rotates the key and the old one
 * is dead at once, in every app instance.
 */
const SITE = 'https://www.alpha-plumbing.example';
const OTHER = 'https://evil.example';

let t: TestApp;
let companyId: string;
let owner: Session;
let visitor = 0;
beforeAll(async () => {
  t = await createTestApp();
  companyId = (await createCompany(t.app)).id;
  owner = await createUserSession(t.app, companyId, 'owner');
});
afterAll(async () => t?.close());

const settings = (method: 'GET' | 'PUT' | 'POST', path = '', payload?: object, headers: object = owner.headers) =>
  t.app.inject({ method, url: `/api/companies/${companyId}/widget${path}`, headers: headers as Record<string, string>, ...(payload ? { payload } : {}) });
// Each request from its own address: the per-address rate limit is not what these tests are about.
const widget = (app: App, key: string, method: 'POST' | 'OPTIONS', origin?: string, payload: object = {}) =>
  app.inject({
    method, url: `/api/widget/${key}/chat`, remoteAddress: `198.51.100.${(visitor = (visitor % 250) + 1)}`,
    headers: { ...(origin ? { origin } : {}), ...(method === 'OPTIONS' ? { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } : {}) },
    ...(method === 'POST' ? { payload } : {}),
  });
const corsHeaders = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));
const keyOf = async () => (await settings('GET')).json().widgetKey as string;
const widgetCalls = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM calls WHERE company_id = ${companyId} AND channel = 'widget'`.execute(t.database.db)).rows[0]!.n;

describe('widget settings', () => {
  it('shows the owner the key and the one-line snippet, and no allowed site until one is added', async () => {
    const res = await settings('GET');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ allowedOrigins: [], version: 0, updatedAt: null, scriptUrl: 'http://localhost:3000/widget.js' });
    expect(body.widgetKey).toMatch(/^cvw_[0-9a-f]{32}_[\w-]{24}$/);
    expect(body.snippet).toBe(`<script src="http://localhost:3000/widget.js" data-key="${body.widgetKey}" async></script>`);
  });

  it('is for the owner: staff and API tokens are refused', async () => {
    const staff = await createUserSession(t.app, companyId, 'staff');
    const token = await createApiToken(t.app, companyId);
    for (const headers of [staff.headers, token.headers]) {
      expect((await settings('GET', '', undefined, headers)).statusCode).toBe(403);
      expect((await settings('PUT', '', { allowedOrigins: [OTHER] }, headers)).statusCode).toBe(403);
      expect((await settings('POST', '/rotate-key', {}, headers)).statusCode).toBe(403);
    }
  });

  it('stores origins normalised, refuses what is not an origin by its field, and keeps the list when it is left out', async () => {
    const bad = await settings('PUT', '', { allowedOrigins: [SITE, 'https://alpha.example/contact', 'ftp://alpha.example', 'alpha.example'] });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['body.allowedOrigins[1]', 'body.allowedOrigins[2]', 'body.allowedOrigins[3]']);
    expect((await settings('GET')).json().allowedOrigins).toEqual([]);

    const saved = await settings('PUT', '', { allowedOrigins: ['https://WWW.Alpha-Plumbing.example:443/', SITE, 'http://localhost:8080'], expectedVersion: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ allowedOrigins: [SITE, 'http://localhost:8080'], version: 1 });
    expect((await settings('PUT', '', {})).json().allowedOrigins).toEqual([SITE, 'http://localhost:8080']);
    const stale = await settings('PUT', '', { allowedOrigins: [], expectedVersion: 0 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CONFLICT']);
  });

  it('travels in the configuration document, checked like the settings route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/config`, headers: owner.headers })).json();
    expect(doc.widget).toEqual({ allowedOrigins: [SITE, 'http://localhost:8080'] });
    const put = (widgetPart: object) => t.app.inject({ method: 'PUT', url: `/api/companies/${companyId}/config`, headers: owner.headers, payload: { ...doc, widget: widgetPart } });
    const bad = await put({ allowedOrigins: ['https://alpha.example/path'] });
    expect([bad.statusCode, bad.json().error.details.field]).toEqual([400, 'widget.allowedOrigins[0]']);
    expect((await put({ allowedOrigins: [SITE] })).json().widget).toEqual({ allowedOrigins: [SITE] });
    expect((await settings('GET')).json().allowedOrigins).toEqual([SITE]);
  });
});

describe('CORS on the widget chat', () => {
  it("answers a listed site's preflight with CORS headers naming that site", async () => {
    const res = await widget(t.app, await keyOf(), 'OPTIONS', SITE);
    expect(res.statusCode, res.body).toBe(204);
    expect(res.headers).toMatchObject({
      'access-control-allow-origin': SITE, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600', vary: expect.stringMatching(/origin/i), 'cross-origin-resource-policy': 'cross-origin',
    });
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('chats with a listed site, its answer readable there', async () => {
    const res = await widget(t.app, await keyOf(), 'POST', SITE);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().say.length).toBeGreaterThan(5);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
  });

  it('refuses any other site with 403 WIDGET_ORIGIN_NOT_ALLOWED and no CORS headers, before a conversation starts', async () => {
    const key = await keyOf();
    const before = await widgetCalls();
    for (const origin of [OTHER, 'null', `${SITE}.evil.example`, 'http://www.alpha-plumbing.example', 'http://localhost:8080']) {
      for (const method of ['OPTIONS', 'POST'] as const) {
        const res = await widget(t.app, key, method, origin);
        expect([res.statusCode, res.json().error.code], `${method} from ${origin}`).toEqual([403, 'WIDGET_ORIGIN_NOT_ALLOWED']);
        expect(corsHeaders(res.headers), `${method} from ${origin}`).toEqual([]);
      }
    }
    expect(await widgetCalls()).toBe(before);
  });

  it('serves a request without Origin (not a browser on another site) as before, without CORS headers', async () => {
    const res = await widget(t.app, await keyOf(), 'POST');
    expect(res.statusCode, res.body).toBe(200);
    expect(corsHeaders(res.headers)).toEqual([]);
  });

  it('stops a site the moment it is removed from the list', async () => {
    const key = await keyOf();
    expect((await widget(t.app, key, 'POST', SITE)).statusCode).toBe(200);
    expect((await settings('PUT', '', { allowedOrigins: ['https://new-site.example'] })).statusCode).toBe(200);
    expect((await widget(t.app, key, 'POST', SITE)).json().error.code).toBe('WIDGET_ORIGIN_NOT_ALLOWED');
    expect((await widget(t.app, key, 'POST', 'https://new-site.example')).statusCode).toBe(200);
    await settings('PUT', '', { allowedOrigins: [SITE] });
  });

  it('answers CORS on no other endpoint, not even for a listed site', async () => {
    for (const request of [
      { method: 'OPTIONS' as const, url: `/api/companies/${companyId}/widget` },
      { method: 'GET' as const, url: '/api/auth/me' },
      { method: 'POST' as const, url: '/api/auth/login', payload: { email: 'x@example.com', password: 'wrong-password' } },
      { method: 'GET' as const, url: '/health' },
    ]) {
      const res = await t.app.inject({ ...request, headers: { origin: SITE, 'access-control-request-method': 'POST' } });
      expect(corsHeaders(res.headers), `${request.method} ${request.url}`).toEqual([]);
    }
  });

  it('opens nothing with a forged key or a suspended company', async () => {
    const key = await keyOf();
    expect((await widget(t.app, `${key.slice(0, -4)}AAAA`, 'OPTIONS', SITE)).statusCode).toBe(404);
    expect((await widget(t.app, 'cvw_nonsense', 'POST', SITE)).statusCode).toBe(404);
    const other = await createCompany(t.app);
    const suspended = await t.app.inject({ method: 'PATCH', url: `/api/companies/${other.id}`, headers: (await loginAdmin(t.app)).headers, payload: { status: 'suspended' } });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const otherKey = (await t.app.ctx.services.widget.get(other.id)).widgetKey;
    expect((await widget(t.app, otherKey, 'POST')).statusCode).toBe(404);
  });
});

describe('rotating the widget key', () => {
  it('retires the old key at once, in this app instance and in another one on the same database', async () => {
    const second = await buildApp({ config: t.config, database: t.database });
    await second.ready();
    try {
      const old = await keyOf();
      expect((await widget(second, old, 'POST', SITE)).statusCode).toBe(200);
      const rotated = await settings('POST', '/rotate-key', {});
      expect(rotated.statusCode, rotated.body).toBe(200);
      const fresh = rotated.json().widgetKey as string;
      expect(fresh).not.toBe(old);
      expect(rotated.json().snippet).toContain(`data-key="${fresh}"`);
      expect(rotated.json().allowedOrigins).toEqual([SITE]);
      for (const app of [t.app, second]) {
        for (const method of ['OPTIONS', 'POST'] as const) {
          const res = await widget(app, old, method, SITE);
          expect([res.statusCode, res.json().error.code]).toEqual([404, 'NOT_FOUND']);
          expect(corsHeaders(res.headers)).toEqual([]);
        }
        expect((await widget(app, fresh, 'POST', SITE)).statusCode).toBe(200);
      }
      expect(await keyOf()).toBe(fresh);
    } finally {
      await second.close();
    }
  });

  it('is audited without the key, and refuses an edit of a stale version', async () => {
    const { version, widgetKey } = (await settings('GET')).json();
    const stale = await settings('POST', '/rotate-key', { expectedVersion: version - 1 });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'CONFLICT']);
    expect(await keyOf()).toBe(widgetKey);
    const audit = (await t.app.inject({ method: 'GET', url: `/api/companies/${companyId}/audit-log?entityType=widget_settings`, headers: owner.headers })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('widget.key_rotated');
    expect(JSON.stringify(audit)).not.toContain(widgetKey.slice(-24));
  });
});

describe('the widget script', () => {
  it('is served as JavaScript any site may load, cached for an hour and revalidated by ETag', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cross-origin-resource-policy': 'cross-origin', 'cache-control': expect.stringMatching(/^public, max-age=3600\b/) });
    expect(res.body).toContain('/api/widget/');
    expect(res.body).not.toMatch(/console\.\w+\(/);
    const again = await t.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': String(res.headers.etag) } });
    expect([again.statusCode, again.body]).toEqual([304, '']);
  });
});
