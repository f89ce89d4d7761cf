import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from '../helpers/free-port.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The server process against a PostgreSQL instance of its own, which the test kills, stops and
// restarts. It manages its own server, so it runs once per `npm test` (the pglite project),
// whether or not TEST_DATABASE_URL is set.

const ADMIN_EMAIL = 'outage-admin@test.example';
const ADMIN_PASSWORD = 'outage-admin-password-123';
const LOCK_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 1000;

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((bin) => existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'initdb')));
}

const bin = postgresBin();
if (!bin) process.stderr.write('db-outage: skipped, no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql\n');

// PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
const asRoot = process.getuid?.() === 0;
function runPg(command: string, args: string[]): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin!, command), ...args]] : [join(bin!, command), args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface Answer {
  status: number;
  code?: string;
  retryAfter: string | null;
  startedAt: number;
  ms: number;
}

describe.skipIf(!bin)('database outage (own PostgreSQL server)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientsvia-outage-'));
  const pgData = join(dir, 'pgdata');
  let pgPort = 0;
  let url = '';
  let child: ChildProcess;
  let appUrl = '';
  let output = '';
  let exitCode: number | null | undefined;
  let cookie = '';

  const pgCtl = (action: 'start' | 'stop') =>
    runPg('pg_ctl', action === 'start'
      ? ['-D', pgData, '-w', '-l', join(dir, 'postgres.log'), '-o', `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']
      : ['-D', pgData, '-w', '-m', 'fast', 'stop']);

  async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {});
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end().catch(() => {});
    }
  }

  /** `/api/auth/me`, or another signed-in GET. */
  async function me(path = '/api/auth/me'): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(`${appUrl}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(15_000) });
    const body = (await res.json()) as { error?: { code: string } };
    return { status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after'), startedAt: started, ms: Date.now() - started };
  }

  const ready = async () => (await fetch(`${appUrl}/ready`, { signal: AbortSignal.timeout(10_000) })).status;

  function expectAlive(): void {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${output}`);
  }

  async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      expectAlive();
      if (await probe().catch(() => false)) return Date.now() - started;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} not within ${timeoutMs} ms:\n${output.slice(-4000)}`);
  }

  beforeAll(async () => {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    runPg('initdb', ['-D', pgData, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    pgPort = await freePort();
    pgCtl('start');
    url = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;

    const port = await freePort();
    appUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: appUrl,
      DATA_DIR: join(dir, 'data'),
      DATABASE_URL: url,
      LOG_LEVEL: 'info',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'true',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      RATE_LIMIT_API_PER_MINUTE: '100000',
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: '3000',
    };
    child = spawn(process.execPath, ['src/server.ts'], { cwd: resolve(import.meta.dirname, '../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => (exitCode = code));
    await until('the server ready', async () => (await ready()) === 200, 40_000);

    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect((await me()).status).toBe(200);
  }, 90_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (bin && existsSync(join(pgData, 'postmaster.pid'))) {
      try {
        pgCtl('stop');
      } catch {
        // already down
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives the server killing every idle connection (app pool, job queue, LISTEN)', async () => {
    const killed = await admin(async (c) => {
      const r = await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND datname = 'postgres'`);
      return r.rowCount ?? 0;
    });
    expect(killed).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 500));
    expectAlive();
    expect(output).toContain('database connection lost while idle');
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) answers.push(await me());
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await ready()).toBe(200);
    // The job queue's pool and LISTEN connection come back too.
    await until('the job queue reconnected', () => admin(async (c) => {
      const r = await c.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'clientsvia-jobs'`);
      return r.rows[0].n > 0;
    }), 15_000);
    expectAlive();
  });

  it('answers 503 DATABASE_UNAVAILABLE while the server is down, never a 500 nor a hang, and recovers by itself', async () => {
    const answers: Answer[] = [];
    let traffic = true;
    const load = (async () => {
      while (traffic) {
        const batch = await Promise.all([me(), me(), me()]);
        answers.push(...batch);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    pgCtl('stop');
    const stoppedAt = Date.now();
    await new Promise((r) => setTimeout(r, 2500));
    expect(await ready()).toBe(503);
    traffic = false;
    await load;
    expectAlive();

    const during = answers.filter((a) => a.startedAt >= stoppedAt);
    const unavailable = during.filter((a) => a.status === 503);
    process.stderr.write(`db-outage: ${during.length} requests while down: ${unavailable.length} answered 503, ${answers.filter((a) => a.status === 500).length} answered 500, slowest ${Math.max(...during.map((a) => a.ms))} ms\n`);
    expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
    expect(during.length).toBeGreaterThan(5);
    expect(unavailable.length).toBe(during.length);
    for (const a of unavailable) {
      expect(a.code).toBe('DATABASE_UNAVAILABLE');
      expect(a.retryAfter).toMatch(/^\d+$/);
      expect(a.ms).toBeLessThan(CONNECT_TIMEOUT_MS + 2000);
    }

    pgCtl('start');
    const recoveredMs = await until('requests and /ready recover', async () => (await me()).status === 200 && (await ready()) === 200, 20_000);
    process.stderr.write(`db-outage: recovered ${recoveredMs} ms after the server came back\n`);
    expect((await me()).status).toBe(200);
    expect(output).not.toContain('unhandled error');
    expectAlive();
  });

  it('answers 503 DATABASE_BUSY within the lock timeout when another connection holds a lock the request needs', async () => {
    const holder = new pg.Client({ connectionString: url });
    holder.on('error', () => {});
    await holder.connect();
    try {
      await holder.query('BEGIN');
      // The companies list reads platform.companies on every request (a signed-in session
      // itself may be answered from the session cache without touching its table).
      await holder.query('LOCK TABLE platform.companies IN ACCESS EXCLUSIVE MODE');
      const answer = await me('/api/companies');
      process.stderr.write(`db-outage: blocked request answered ${answer.status} ${answer.code} in ${answer.ms} ms\n`);
      expect(answer).toMatchObject({ status: 503, code: 'DATABASE_BUSY' });
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.ms).toBeLessThan(LOCK_TIMEOUT_MS + 2000);
    } finally {
      await holder.query('ROLLBACK').catch(() => {});
      await holder.end();
    }
    expect((await me('/api/companies')).status).toBe(200);
    expectAlive();
  });
});
