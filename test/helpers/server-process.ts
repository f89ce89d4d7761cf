import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from './free-port.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SERVER_ADMIN = { email: 'ops-admin@test.example', password: 'ops-admin-password-123' };
export const DEMO_OWNER = { email: 'owner@rapidrooter.example', password: 'demo-password' };
/**
 * Node's on-disk compile cache for the programs the tests start: each spawned server or command
 * otherwise compiles (and strips the types of) the whole application again, about a second each.
 */
const COMPILE_CACHE = { NODE_COMPILE_CACHE: resolve(REPO_ROOT, 'node_modules/.cache/node-compile-cache') };

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything written to stdout and stderr so far (empty when stdout is left unread). */
  output: () => string;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  dataDir: string;
  /** Added to (and overriding) the defaults below; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  cwd?: string;
  port?: number;
  /** false: stdout is a pipe nobody reads (a supervisor that stopped reading). */
  readStdout?: boolean;
}

/** The real entry point (`npm start`: `node src/server.ts`) as a child process on Node 24. */
export async function spawnServer({ dataDir, env = {}, cwd = REPO_ROOT, port, readStdout = true }: SpawnOptions): Promise<ServerProcess> {
  const listenPort = port ?? (await freePort());
  const merged: NodeJS.ProcessEnv = {
    ...process.env,
    ...COMPILE_CACHE,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(listenPort),
    PUBLIC_URL: `http://127.0.0.1:${listenPort}`,
    DATA_DIR: dataDir,
    DATABASE_URL: '', // embedded PGlite, whatever the surrounding environment says
    LOG_LEVEL: 'info',
    SEED_DEMO: 'true',
    ADMIN_EMAIL: SERVER_ADMIN.email,
    ADMIN_PASSWORD: SERVER_ADMIN.password,
    RATE_LIMIT_API_PER_MINUTE: '1000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'src/server.ts')], { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  if (readStdout) child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return { child, port: listenPort, url: `http://127.0.0.1:${listenPort}`, output: () => output, exited };
}

export async function waitForHealth(server: ServerProcess, timeoutMs = 120_000): Promise<void> {
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

/** Starts a server and waits until it answers. */
export async function startServer(options: SpawnOptions): Promise<ServerProcess> {
  const server = await spawnServer(options);
  await waitForHealth(server);
  return server;
}

/** Rejects when `promise` has not settled within `ms` (a guard against hangs, not a speed check). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)));
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/** Sends `signal` and resolves to the exit code (rejecting if the process outlives `ms`). */
export async function signalAndWait(server: ServerProcess, ms: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  server.child.kill(signal);
  return within(server.exited, ms, `exit after ${signal}`);
}

/** Kills whatever a test left running. */
export function killAll(servers: ServerProcess[]): void {
  for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
}

/** Signs in and returns the session cookie. */
export async function signIn(server: ServerProcess, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().find((c) => c.startsWith('cv_session='))!.split(';')[0]!;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the command-line programs in src/cli to its end, with `input` on stdin. */
export function runCli(script: string, { args = [], env = {}, cwd = REPO_ROOT, input = '' }: { args?: string[]; env?: Record<string, string | undefined>; cwd?: string; input?: string } = {}): Promise<CliResult> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...COMPILE_CACHE, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [resolve(REPO_ROOT, 'src/cli', script), ...args], { cwd, env: merged, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin!.end(input);
  return within(new Promise((ok) => child.on('exit', (code) => ok({ code, stdout, stderr }))), 120_000, `npm run ${script}`);
}
