import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../helpers/app.ts';
import { createCompany, createUserSession } from '../helpers/factories.ts';
import { throttleKey } from '../../src/modules/auth/login-throttle.ts';

describe('sign-in throttling by account and address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  const attempt = (email: string, password: string, remoteAddress: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

  async function failFiveTimes(email: string, address: string) {
    for (let i = 0; i < 5; i++) expect((await attempt(email, 'wrong-password', address)).statusCode).toBe(401);
  }

  it("lets the admin sign in from its own address while a stranger's guesses are throttled", async () => {
    await failFiveTimes(ADMIN_EMAIL, '203.0.113.10');
    const stranger = await attempt(ADMIN_EMAIL, ADMIN_PASSWORD, '203.0.113.10');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.code).toBe('LOGIN_THROTTLED');
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
    const admin = await attempt(ADMIN_EMAIL, ADMIN_PASSWORD, '198.51.100.7');
    expect(admin.statusCode).toBe(200);
  });

  it('answers an unknown email exactly as a known one, throttle included', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'staff');
    const answers = async (email: string, address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await attempt(email, 'wrong-password', address);
        out.push(`${res.statusCode} ${res.headers['retry-after'] ?? '-'} ${res.body}`);
      }
      return out;
    };
    const known = await answers(user.email, '203.0.113.20');
    const unknown = await answers(`nobody-${c.id}@test.example`, '203.0.113.21');
    expect(unknown).toEqual(known);
    expect(known.filter((a) => a.startsWith('429'))).toHaveLength(2);
  });

  it('checks at most five of thirty parallel wrong guesses', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'owner');
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(user.email, 'wrong-password', '203.0.113.30')));
    const codes = results.map((r) => r.json().error.code as string);
    expect(codes.filter((x) => x === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((x) => x === 'LOGIN_THROTTLED')).toHaveLength(25);
  });

  it('doubles the wait after each failure past the free attempts', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'staff');
    const address = '203.0.113.40';
    await failFiveTimes(user.email, address);
    const key = throttleKey(user.email, address, t.config.sessionSecret);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const row = await sql<{ wait_s: number }>`
        SELECT extract(epoch FROM blocked_until - updated_at)::int AS wait_s FROM platform.attempt_throttle WHERE key = ${key}`.execute(t.database.db);
      waits.push(row.rows[0]!.wait_s);
      // The wait is over (as if its minutes had passed): one more attempt is checked, and fails.
      await sql`UPDATE platform.attempt_throttle SET blocked_until = now() - interval '1 second' WHERE key = ${key}`.execute(t.database.db);
      expect((await attempt(user.email, 'wrong-password', address)).json().error.code).toBe('INVALID_CREDENTIALS');
      expect((await attempt(user.email, user.password, address)).json().error.code).toBe('LOGIN_THROTTLED');
    }
    expect(waits).toEqual([60, 120, 240]);
  });

  it('forgets the failures of a pair once it signs in', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'staff');
    const address = '203.0.113.50';
    for (let i = 0; i < 4; i++) await attempt(user.email, 'wrong-password', address);
    expect((await attempt(user.email, user.password, address)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(user.email, 'wrong-password', address)).statusCode).toBe(401);
  });

  it('counts an IPv6 client by its /64, so fresh addresses in it do not reset the count', async () => {
    const c = await createCompany(t.app);
    const user = await createUserSession(t.app, c.id, 'staff');
    for (let i = 1; i <= 5; i++) expect((await attempt(user.email, 'wrong-password', `2001:db8:1:2::${i}`)).statusCode).toBe(401);
    expect((await attempt(user.email, user.password, '2001:db8:1:2:ffff::9')).statusCode).toBe(429);
    expect((await attempt(user.email, user.password, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('stores neither the email nor the address', async () => {
    await attempt('someone-private@test.example', 'wrong-password', '203.0.113.60');
    const dump = await sql<{ row: string }>`SELECT t::text AS row FROM platform.attempt_throttle t`.execute(t.database.db);
    const text = dump.rows.map((r) => r.row).join('\n');
    expect(text).not.toContain('someone-private');
    expect(text).not.toContain('203.0.113.60');
  });
});
