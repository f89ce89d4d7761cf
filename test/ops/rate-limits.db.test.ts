import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createApiToken, createCompany, createUserSession } from '../helpers/factories.ts';

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '3' } });
  });
  afterAll(async () => t?.close());

  const attempt = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email: 'nobody@test.example', password: 'wrong-password' } });

  it('refuses the 4th attempt from one IP with RATE_LIMITED and a Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('203.0.113.1')).statusCode).toBe(401);
    const limited = await attempt('203.0.113.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is unaffected.
    expect((await attempt('203.0.113.2')).statusCode).toBe(401);
  });

  it('counts attempts by IP even when a valid session cookie is sent along', async () => {
    const company = await createCompany(t.app);
    const user = await createUserSession(t.app, company.id); // signs in from 127.0.0.1: attempt 1
    expect((await attempt('127.0.0.1', user.headers)).statusCode).toBe(401);
    expect((await attempt('127.0.0.1', user.headers)).statusCode).toBe(401);
    expect((await attempt('127.0.0.1', user.headers)).statusCode).toBe(429);
  });
});

describe('API rate limit', () => {
  const LIMIT = 5;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_API_PER_MINUTE: String(LIMIT) } });
  });
  afterAll(async () => t?.close());

  it('is counted per company: a company over its limit does not slow down another', async () => {
    const a = await createCompany(t.app);
    const b = await createCompany(t.app);
    // Both companies call from the same IP, so only a company key can tell them apart.
    const ownerA = await createUserSession(t.app, a.id);
    const staffA = await createUserSession(t.app, a.id, 'staff');
    const tokenA = await createApiToken(t.app, a.id);
    const ownerB = await createUserSession(t.app, b.id);

    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      statuses.push((await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}`, headers: ownerA.headers })).statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.slice(0, statuses.indexOf(429)).every((s) => s === 200)).toBe(true);

    // Every caller of company A shares its budget.
    for (const headers of [ownerA.headers, staffA.headers, tokenA.headers]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/companies/${a.id}`, headers });
      expect(res.statusCode).toBe(429);
      expect(res.json().error.code).toBe('RATE_LIMITED');
    }

    const resB = await t.app.inject({ method: 'GET', url: `/api/companies/${b.id}`, headers: ownerB.headers });
    expect(resB.statusCode).toBe(200);
    // B has spent one call on /me (the factory) and this one.
    expect(Number(resB.headers['x-ratelimit-remaining'])).toBe(LIMIT - 2);
  });

  it('never limits health, readiness and metrics probes', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      for (const url of ['/health', '/ready', '/metrics']) {
        expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(200);
      }
    }
  });
});

describe('client address behind proxies (the key of every per-address limit)', () => {
  const limitedAfterThree = async (env: Record<string, string>, remoteAddress: string, forwardedFor: (i: number) => string) => {
    const t = await createTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '3', ...env } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await t.app.inject({
          method: 'POST', url: '/api/auth/login', remoteAddress, headers: { 'x-forwarded-for': forwardedFor(i) },
          payload: { email: 'nobody@test.example', password: 'wrong-password' },
        });
        statuses.push(res.statusCode);
      }
      return statuses;
    } finally {
      await t.close();
    }
  };
  const spoofed = (i: number) => `10.9.9.${i}`;

  it('ignores a spoofed X-Forwarded-For when TRUST_PROXY is unset', async () => {
    expect(await limitedAfterThree({}, '203.0.113.7', spoofed)).toEqual([401, 401, 401, 429]);
  });

  it('with a hop count, believes only the hops it was told of: a forged entry in front does not change the key', async () => {
    // One proxy appends the real client (203.0.113.7) to what the client sent.
    expect(await limitedAfterThree({ TRUST_PROXY: '1' }, '10.0.0.5', (i) => `${spoofed(i)}, 203.0.113.7`)).toEqual([401, 401, 401, 429]);
  });

  it('with a list of proxies, ignores X-Forwarded-For from a client that is not one of them', async () => {
    expect(await limitedAfterThree({ TRUST_PROXY: '10.0.0.0/8' }, '203.0.113.7', spoofed)).toEqual([401, 401, 401, 429]);
    // From a listed proxy, the address it forwarded is the client's.
    expect(await limitedAfterThree({ TRUST_PROXY: '10.0.0.0/8' }, '10.0.0.5', (i) => `203.0.113.${i}`)).toEqual([401, 401, 401, 401]);
  });
});
