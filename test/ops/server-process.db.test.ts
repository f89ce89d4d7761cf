import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../helpers/free-port.ts';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backend } from '../helpers/database.ts';

const ADMIN_EMAIL = 'ops-admin@test.example';
const ADMIN_PASSWORD = 'ops-admin-password-123';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The real entry point (`npm start`) as a child process on the Node running the tests. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: '', // embedded PGlite, whatever the surrounding environment says
    LOG_LEVEL: 'info',
    SEED_DEMO: 'true',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  };
  const child = spawn(process.execPath, ['src/server.ts'], { cwd: resolve(import.meta.dirname, '../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitForHealth(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`server exited with ${exitCode}:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not answer /health within ${timeoutMs} ms:\n${server.output()}`);
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms))]);
}

// The server process always runs on embedded PGlite; once per run is enough.
describe.skipIf(backend !== 'pglite')('server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-server-'));
  const started: Server[] = [];
  afterAll(() => {
    for (const s of started) if (s.child.exitCode === null) s.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves the seeded demo, refuses a second process on its data directory and shuts down cleanly on SIGTERM', async () => {
    const server = await startServer(dataDir);
    started.push(server);
    await waitForHealth(server, 45_000);
    expect(existsSync(join(dataDir, 'clientsvia.lock'))).toBe(true);

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);

    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('cv_session='))!.split(';')[0]!;
    const companies = await fetch(`${server.url}/api/companies`, { headers: { cookie } });
    expect(companies.status).toBe(200);
    const list = (await companies.json()) as { items: Array<{ slug: string }> };
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.map((c) => c.slug)).toEqual(expect.arrayContaining(['rapid-rooter-plumbing', 'polar-air-hvac']));

    // PGlite is single-process: a second server on the same directory must refuse to start.
    const second = await startServer(dataDir);
    started.push(second);
    expect(await within(second.exited, 15_000, 'second server exit')).toBe(1);
    expect(second.output()).toMatch(/data directory .* is in use/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await within(server.exited, 10_000, 'shutdown')).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    expect(existsSync(join(dataDir, 'clientsvia.lock'))).toBe(false);
  }, 90_000);
});
