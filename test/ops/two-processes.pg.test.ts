import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedCall, type WebhookTransport } from '../../src/cli/call/simulated-call.ts';
import { redisUnreachable, reportSkip, TEST_REDIS_URL } from '../helpers/redis.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../helpers/round-robin-proxy.ts';
import { DEMO_OWNER, killAll, signalAndWait, spawnServer, waitForHealth, type ServerProcess } from '../helpers/server-process.ts';
import { withDatabase } from '../helpers/template.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * Two real app processes (`node src/server.ts`) on one PostgreSQL database behind a round-robin
 * proxy, as docker-compose.yml and render.yaml run them: consecutive requests, and consecutive
 * webhooks of one call, land on different processes and still see one state.
 */
const url = process.env.TEST_DATABASE_URL;
const RAPID_ROOTER = '+13125550142';
type Page<T> = { items: T[] };
const TWILIO_TOKEN = randomBytes(16).toString('hex');
/** Sign-in attempts one client address may make per minute, across every process. */
const SIGN_INS = 4;
const redisProblem = await redisUnreachable();
reportSkip('two processes with REDIS_URL', redisProblem);
// Documentation addresses of their own per run (Redis outlives the test's database).
const clientAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

describe.skipIf(!url)('two app processes on one PostgreSQL behind a round robin', () => {
  const name = `clientsvia_two_${randomBytes(6).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'clientsvia-two-'));
  const servers: ServerProcess[] = [];
  let proxy: RoundRobinProxy;
  let cookie: string;
  let companyId: string;
  let db: pg.Client;
  let baseEnv: Record<string, string | undefined>;

  /** Which process answered `send` (the proxy's index of it). */
  const answeredBy = async <T>(send: () => Promise<T>): Promise<{ by: number; value: T }> => {
    const before = [...proxy.served];
    const value = await send();
    return { by: proxy.served.findIndex((n, i) => n > before[i]!), value };
  };

  /** SIGN_INS + 2 wrong sign-ins from one client address, each for another email (no per-account wait). */
  const signInsFrom = async (address: string) => {
    const answers: { by: number; status: number; code: string | undefined }[] = [];
    for (let i = 0; i < SIGN_INS + 2; i++) {
      const { by, value: res } = await answeredBy(() => fetch(`${proxy.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email: `stranger-${i}@test.example`, password: 'not-the-password' }),
      }));
      answers.push({ by, status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code });
    }
    return answers;
  };

  /** N allowed in all, then refused by both processes alike. */
  const expectCountedOnce = (answers: Awaited<ReturnType<typeof signInsFrom>>) => {
    expect(answers.map((a) => a.status)).toEqual([...Array<number>(SIGN_INS).fill(401), 429, 429]);
    expect(answers.slice(SIGN_INS).map((a) => a.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    expect(new Set(answers.slice(0, SIGN_INS).map((a) => a.by)).size).toBe(2);
    expect(new Set(answers.slice(SIGN_INS).map((a) => a.by)).size).toBe(2);
  };

  const api = async <T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${proxy.url}/api${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    proxy = await startRoundRobinProxy();
    const env = {
      DATABASE_URL: withDatabase(url!, name),
      PUBLIC_URL: proxy.url, // Twilio signs the URL it calls: the proxy's
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      SECRETS_KEY: randomBytes(32).toString('base64'),
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      JOBS_ENABLED: 'true',
      // One proxy in front: its X-Forwarded-For names the client every per-address limit counts.
      TRUST_PROXY: '1',
      RATE_LIMIT_AUTH_PER_MINUTE: String(SIGN_INS),
      REDIS_URL: undefined,
    };
    baseEnv = env;
    // One after the other: the first migrates and seeds, the second finds both done.
    for (const n of [1, 2]) {
      const server = await spawnServer({ dataDir: join(dir, `data-${n}`), env });
      servers.push(server);
      await waitForHealth(server);
    }
    proxy.setUpstreams(servers.map((s) => s.url));
    const login = await fetch(`${proxy.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().find((c) => c.startsWith('cv_session='))!.split(';')[0]!;
    companyId = (await api<Page<{ id: string }>>('GET', '/companies')).body.items[0]!.id;
    db = new pg.Client({ connectionString: withDatabase(url!, name) });
    await db.connect();
  }, 240_000);

  afterAll(async () => {
    await db?.end();
    await Promise.all(servers.map((s) => signalAndWait(s, 15_000).catch(() => undefined)));
    killAll(servers);
    await proxy?.close();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('serves dashboard reads from both processes with one session', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await api('GET', `/companies/${companyId}/contacts?limit=5`);
      expect(res.status).toBe(200);
    }
    expect(proxy.served.every((n) => n >= 3)).toBe(true);
  });

  // "At once" is the time the NOTIFY takes to reach the other process's listening connection
  // (milliseconds; its backend forwards it when the OS schedules it): a request sent in that
  // window may still be answered from the other process's cache, so this waits up to a second.
  it('forgets a session in both processes at once: signed out through one, refused by the other within a second', async () => {
    const login = await fetch(`${proxy.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO_OWNER) });
    const session = login.headers.getSetCookie().find((c) => c.startsWith('cv_session='))!.split(';')[0]!;
    const me = () => answeredBy(() => fetch(`${proxy.url}/api/auth/me`, { headers: { cookie: session } }).then((r) => r.status));
    // Both processes have the session in their cache.
    const warm = [await me(), await me()];
    expect(warm.map((w) => w.value)).toEqual([200, 200]);
    expect(new Set(warm.map((w) => w.by)).size).toBe(2);
    const out = await answeredBy(() => fetch(`${proxy.url}/api/auth/logout`, { method: 'POST', headers: { cookie: session } }).then((r) => r.status));
    expect(out.value).toBe(204);
    // Well inside the five seconds a cached session would otherwise live.
    const next = await waitFor('the other process refusing the session', async () => {
      const answer = await me();
      return answer.by !== out.by && answer.value === 401 && answer;
    }, 1_000);
    expect(next.value).toBe(401);
  });

  it('counts sign-in attempts per client address across both processes (counters in PostgreSQL)', async () => {
    const address = clientAddress();
    expectCountedOnce(await signInsFrom(address));
    const rows = await db.query<{ hits: number }>('SELECT hits FROM platform.rate_limit_counters WHERE key = $1', [`route:POST:/api/auth/login:ip:${address}`]);
    expect(rows.rows).toEqual([{ hits: SIGN_INS + 2 }]);
  });

  it('answers one phone call whose webhooks alternate between the processes, and records it once', async () => {
    const transport: WebhookTransport = {
      async post(target, params, signature) {
        const res = await fetch(target, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
          body: new URLSearchParams(params).toString(),
        });
        return { status: res.status, body: await res.text() };
      },
    };
    const before = [...proxy.served];
    const call = createSimulatedCall({ publicUrl: proxy.url, authToken: TWILIO_TOKEN, transport, from: '+13125550166', to: RAPID_ROOTER });
    const first = await call.start();
    expect(first.status).toBe(200);
    expect(first.said.join(' ')).toMatch(/Rapid Rooter/);
    const lines = ['Do you fix water heaters?', 'What is your phone number?', "No, that's all. Thanks, bye!"];
    for (const line of lines) {
      if (!call.listening) break;
      expect((await call.say(line)).status).toBe(200);
    }
    expect(proxy.served.map((n, i) => n - before[i]!).every((n) => n >= 1)).toBe(true);

    const calls = (await api<Page<{ id: string; callSid: string }>>('GET', `/companies/${companyId}/calls?limit=100`)).body.items;
    const mine = calls.filter((c) => c.callSid === call.callSid);
    expect(mine).toHaveLength(1);
    const record = (await api<{ transcript: unknown[] }>('GET', `/companies/${companyId}/calls/${mine[0]!.id}`)).body;
    // Every caller line is in the one transcript, whichever process heard it.
    const transcript = JSON.stringify(record.transcript);
    for (const line of lines.slice(0, 2)) expect(transcript).toContain(line);
  });

  it('books a slot once when both processes are asked for it at the same time', async () => {
    const service = (await api<Page<{ id: string }>>('GET', `/companies/${companyId}/services`)).body.items[0]!;
    const availability = (await api<{ slots: { start: string }[] }>('GET', `/companies/${companyId}/availability?serviceId=${service.id}&zip=60601`)).body;
    const slot = availability.slots[0]!;
    expect(slot).toBeDefined();
    const ask = (n: number) => api<{ error?: { code: string } }>('POST', `/companies/${companyId}/bookings`, {
      serviceId: service.id, start: slot.start, zip: '60601', contact: { name: `Racer ${n}`, phone: `312-555-01${10 + n}` },
    });
    const answers = await Promise.all([ask(1), ask(2)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error?.code).toBe('SLOT_TAKEN');
    const booked = (await api<Page<{ start: string; customerName: string }>>('GET', `/companies/${companyId}/bookings?limit=200`)).body.items;
    expect(booked.filter((b) => b.start === slot.start && b.customerName.startsWith('Racer'))).toHaveLength(1);
  });

  it('fires each occurrence of a schedule once although both processes run the schedules', async () => {
    // release-expired-holds runs every minute. pg-boss files each occurrence under its minute
    // (the send-it job's singleton_on), then sends the real job: one job per occurrence.
    const counts = async () => (await db.query<{ occurrences: number; slots: number; jobs: number }>(
      `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'release-expired-holds') AS occurrences,
              (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'release-expired-holds') AS slots,
              (SELECT count(*)::int FROM pgboss.job WHERE name = 'release-expired-holds') AS jobs`)).rows[0]!;
    const seen = await waitFor('two occurrences of the every-minute schedule', async () => {
      const c = await counts();
      return c.jobs >= 2 && c.jobs === c.occurrences ? c : undefined;
    }, 150_000);
    expect(seen.slots).toBe(seen.occurrences);
  }, 180_000);

  describe.skipIf(redisProblem !== null)('with REDIS_URL', () => {
    let redis: Redis;
    beforeAll(async () => {
      const pair: ServerProcess[] = [];
      for (const n of [3, 4]) {
        const server = await spawnServer({ dataDir: join(dir, `data-${n}`), env: { ...baseEnv, REDIS_URL: TEST_REDIS_URL, JOBS_ENABLED: 'false' } });
        servers.push(server);
        pair.push(server);
        await waitForHealth(server);
      }
      proxy.setUpstreams(pair.map((s) => s.url));
      redis = new Redis(TEST_REDIS_URL);
    }, 240_000);
    afterAll(async () => redis?.quit());

    it('counts sign-in attempts per client address across both processes in Redis, not in the database', async () => {
      const address = clientAddress();
      const key = `route:POST:/api/auth/login:ip:${address}`;
      expectCountedOnce(await signInsFrom(address));
      expect(await redis.get(`clientsvia:rate:${key}`)).toBe(String(SIGN_INS + 2));
      expect((await db.query('SELECT 1 FROM platform.rate_limit_counters WHERE key = $1', [key])).rows).toEqual([]);
    });
  });
});
