import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { killAll, runCli, signalAndWait, startServer, type ServerProcess } from '../helpers/server-process.ts';

// What a terminal without the server's settings has: none of the variables the server got.
const BARE = { PORT: undefined, HOST: undefined, PUBLIC_URL: undefined, DATA_DIR: undefined, DATABASE_URL: undefined, TWILIO_AUTH_TOKEN: undefined };
const CALLER_LINES = 'My kitchen sink is leaking\n/hangup\n';
const GREETING = /Agent: Thanks for calling Rapid Rooter Plumbing/;
const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('npm run call', () => {
  const dirs: string[] = [];
  const servers: ServerProcess[] = [];
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'clientsvia-call-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    killAll(servers);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('finds a server on a non-default port from the same .env as npm start, or at --url', async () => {
    const project = tempDir();
    const port = await freePort();
    writeFileSync(join(project, '.env'), `PORT=${port}\nHOST=127.0.0.1\nSEED_DEMO=true\n`);
    const server = await startServer({ dataDir: join(project, 'data'), cwd: project, port, env: BARE });
    servers.push(server);

    const call = await runCli('call.ts', { cwd: project, env: BARE, args: ['--to', '+1 312 555 0142'], input: CALLER_LINES });
    expect(call.stderr).toBe('');
    expect(call.code).toBe(0);
    expect(call.stdout).toMatch(GREETING);
    expect(call.stdout).toContain('[call ended]');

    // From a directory without that .env, --url says where the server is.
    const elsewhere = await runCli('call.ts', { cwd: tempDir(), env: { ...BARE, DATA_DIR: join(project, 'data') }, args: ['--to', '+1 312 555 0142', '--url', `http://localhost:${port}`], input: CALLER_LINES });
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stdout).toMatch(GREETING);
    expect(await signalAndWait(server, 30_000)).toBe(0);
  }, 300_000);

  it('finds a server whose port was given only in its own terminal, and says in one line when none answers', async () => {
    const project = tempDir();
    const port = await freePort();
    // PORT, HOST and PUBLIC_URL only in the server's environment; the caller's terminal has none.
    const server = await startServer({ dataDir: join(project, 'data'), cwd: project, port, env: { ...BARE, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}` } });
    servers.push(server);

    const call = await runCli('call.ts', { cwd: project, env: BARE, args: ['--to', '+1 312 555 0142'], input: CALLER_LINES });
    expect(call.stderr).toBe('');
    expect(call.code).toBe(0);
    expect(call.stdout).toMatch(GREETING);

    expect(await signalAndWait(server, 30_000)).toBe(0);
    const none = await runCli('call.ts', { cwd: project, env: BARE, args: ['--to', '+1 312 555 0142'], input: CALLER_LINES });
    expect(none.code).toBe(1);
    expect(lines(none.stderr)).toEqual([expect.stringMatching(/^No ClientsVia server answers at http:\/\/localhost:3000: start one with `npm start`, or pass --url/)]);
  }, 300_000);
});
