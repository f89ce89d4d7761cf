import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/app.ts';

const PUBLIC_URL = 'https://app.clientsvia.example';

describe('served over https behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL, TRUST_PROXY: '1' } });
  });
  afterAll(async () => t?.close());

  it('redirects a request the proxy says came over http to the same path on PUBLIC_URL, keeping the method of a POST', async () => {
    const get = await t.app.inject({ method: 'GET', url: '/api/health?x=1', headers: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.9', host: 'evil.example' } });
    expect(get.statusCode).toBe(301);
    expect(get.headers.location).toBe(`${PUBLIC_URL}/api/health?x=1`);
    const post = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.9' }, payload: { email: t.config.adminEmail, password: ADMIN_PASSWORD } });
    expect(post.statusCode).toBe(308);
    expect(post.headers.location).toBe(`${PUBLIC_URL}/api/auth/login`);
    expect(post.headers['set-cookie']).toBeUndefined();
  });

  it('serves https requests with HSTS and a Secure session cookie, and leaves direct requests (health checks) alone', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' }, payload: { email: t.config.adminEmail, password: ADMIN_PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/cv_session=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    // No proxy header: a health check straight to the app is answered, not redirected.
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('an https PUBLIC_URL with no trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_URL } });
  });
  afterAll(async () => t?.close());

  it("does not believe a client's X-Forwarded-Proto (no redirect loop, no spoofing), and still sends HSTS", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'http' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});

describe('a plain-http PUBLIC_URL (development)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(async () => t?.close());

  it('sends no HSTS, no Secure cookie and no redirect', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'http' }, payload: { email: t.config.adminEmail, password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.headers['strict-transport-security']).toBeUndefined();
    expect(String(login.headers['set-cookie'])).not.toMatch(/Secure/i);
  });
});
