import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession } from '../helpers/factories.ts';

describe('metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const scrape = async () => {
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.body;
  };

  it('exposes the process defaults in Prometheus text format', async () => {
    const body = await scrape();
    expect(body).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(body).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(body).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it('times requests by route pattern and status code, never by raw ids', async () => {
    const a = await createCompany(t.app);
    const b = await createCompany(t.app);
    const owner = await createUserSession(t.app, a.id);
    for (let i = 0; i < 3; i++) {
      expect((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}`, headers: owner.headers })).statusCode).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${b.id}`, headers: owner.headers })).statusCode).toBe(404);
    // Outside the API an unknown GET is a dashboard page; under it, the API's own 404.
    expect((await t.app.inject({ method: 'GET', url: `/api/no/such/route/${a.id}` })).statusCode).toBe(404);

    const body = await scrape();
    const bucket = (route: string, status: number, method = 'GET') =>
      new RegExp(`^http_request_duration_seconds_bucket\\{[^}]*method="${method}",route="${route}",status_code="${status}"[^}]*\\} \\d+`, 'm');
    expect(body).toMatch(bucket('/api/companies/:companyId', 200));
    expect(body).toMatch(bucket('/api/companies/:companyId', 404));
    expect(body).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/companies\/:companyId",status_code="200"\} 3$/m);
    expect(body).toMatch(bucket('unmatched', 404));
    expect(body).toMatch(bucket('/api/auth/login', 200, 'POST'));
    for (const id of [a.id, b.id]) expect(body).not.toContain(id);
    // Scrapes are not themselves timed.
    expect(body).not.toContain('route="/metrics"');
  });
});

describe('who may read /metrics', () => {
  const TOKEN = 'metrics-token-for-tests-0123456789';
  let withToken: TestApp;
  let withoutToken: TestApp;
  beforeAll(async () => {
    [withToken, withoutToken] = await Promise.all([createTestApp({ env: { METRICS_TOKEN: TOKEN } }), createTestApp()]);
  });
  afterAll(async () => Promise.all([withToken?.close(), withoutToken?.close()]));

  it('with METRICS_TOKEN: only a request bearing it, from anywhere', async () => {
    const get = (headers: Record<string, string>, remoteAddress = '203.0.113.5') => withToken.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    expect((await get({}, '127.0.0.1')).statusCode).toBe(401);
    expect((await get({ authorization: `Bearer ${TOKEN}x` })).statusCode).toBe(401);
    expect((await get({ authorization: 'Bearer short' })).statusCode).toBe(401);
    const ok = await get({ authorization: `Bearer ${TOKEN}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('clientsvia_database_up');
    expect(ok.headers['cache-control']).toBe('no-store');
  });

  it('without it: only a direct connection from loopback, never one through a proxy', async () => {
    const get = (headers: Record<string, string>, remoteAddress: string) => withoutToken.app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });
    expect((await get({}, '127.0.0.1')).statusCode).toBe(200);
    expect((await get({}, '::1')).statusCode).toBe(200);
    expect((await get({}, '203.0.113.5')).statusCode).toBe(404);
    // A reverse proxy on the same host connects from loopback on behalf of anyone.
    expect((await get({ 'x-forwarded-for': '203.0.113.5' }, '127.0.0.1')).statusCode).toBe(404);
    expect((await get({ forwarded: 'for=203.0.113.5' }, '127.0.0.1')).statusCode).toBe(404);
  });
});
