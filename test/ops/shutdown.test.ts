import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_OWNER, killAll, signalAndWait, signIn, startServer, within, type ServerProcess } from '../helpers/server-process.ts';

// The server process always runs on embedded PGlite (its own data directory), so this file
// is not a *.db.test.ts: it runs once per test run.

const SHUTDOWN_TIMEOUT_MS = 8000;
// A guard against a process that never ends, well past the deadline it must keep.
const HANG_GUARD_MS = SHUTDOWN_TIMEOUT_MS + 20_000;

interface Answer {
  status: number;
  body: string;
}

/** One request on a keep-alive agent (a client that reuses its connections). */
function request(agent: http.Agent, url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Keep-alive clients reading /ready and writing contacts in a loop. `stop()` ends the loops
 * as real clients would: requests in flight complete, their connections stay pooled, open.
 */
function keepAliveLoad(server: ServerProcess, cookie: string, companyId: string) {
  const agents = Array.from({ length: 4 }, () => new http.Agent({ keepAlive: true, maxSockets: 2 }));
  const acknowledged: string[] = [];
  let reads = 0;
  let running = true;
  const reader = async (agent: http.Agent) => {
    while (running) if ((await request(agent, `${server.url}/ready`).catch(() => ({ status: 0, body: '' }))).status === 200) reads++;
  };
  const writer = async (agent: http.Agent, n: number) => {
    for (let i = 0; running; i++) {
      const answer = await request(agent, `${server.url}/api/companies/${companyId}/contacts`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Load ${n}-${i}` }),
      }).catch(() => undefined);
      if (answer?.status === 201) acknowledged.push((JSON.parse(answer.body) as { id: string }).id);
    }
  };
  const loops = agents.flatMap((agent, n) => (n === 0 ? [writer(agent, 0), writer(agent, 1)] : [reader(agent), reader(agent)]));
  return {
    acknowledged,
    reads: () => reads,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
    close: () => agents.forEach((a) => a.destroy()),
  };
}

async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 2400 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!done()) throw new Error(`load never reached: ${what}`);
}

describe('server process shutdown', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-shutdown-'));
  const servers: ServerProcess[] = [];
  const start = async (env: Record<string, string> = {}, readStdout = true) => {
    const server = await startServer({ dataDir, env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), ...env }, readStdout });
    servers.push(server);
    return server;
  };
  afterAll(() => {
    killAll(servers);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 0 on SIGTERM when idle, with the job queue and the database closed', async () => {
    const server = await start();
    expect(await signalAndWait(server, HANG_GUARD_MS)).toBe(0);
    expect(server.output()).toContain('job queue stopped');
    expect(server.output()).toContain('shut down cleanly');
  }, 240_000);

  it('under keep-alive load finishes in-flight requests, exits 0 and keeps every acknowledged write', async () => {
    const server = await start();
    const cookie = await signIn(server, DEMO_OWNER);
    const companies = (await (await fetch(`${server.url}/api/companies`, { headers: { cookie } })).json()) as { items: Array<{ id: string }> };
    const companyId = companies.items[0]!.id;

    const load = keepAliveLoad(server, cookie, companyId);
    try {
      await until('20 writes and 100 reads', () => load.acknowledged.length >= 20 && load.reads() >= 100);
      server.child.kill('SIGTERM');
      // The clients stop with requests in flight: their answers arrive while the server closes
      // and leave pooled keep-alive connections behind, which must not hold the shutdown up.
      await load.stop();
      expect(await within(server.exited, HANG_GUARD_MS, 'exit after SIGTERM')).toBe(0);
    } finally {
      load.close();
    }
    expect(server.output()).toContain('job queue stopped');
    expect(server.output()).toContain('shut down cleanly');

    // Every write the server acknowledged, before or during the shutdown, is there after a restart.
    const again = await start();
    const cookieAgain = await signIn(again, DEMO_OWNER);
    const statuses = await Promise.all(
      load.acknowledged.map(async (id) => (await fetch(`${again.url}/api/companies/${companyId}/contacts/${id}`, { headers: { cookie: cookieAgain } })).status),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await signalAndWait(again, HANG_GUARD_MS)).toBe(0);
  }, 360_000);

  it('exits on SIGTERM although the reader of its log stopped reading', async () => {
    const server = await start({}, false);
    // Enough request log lines to fill the pipe nobody reads.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    try {
      await Promise.all(Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 500; i++) await request(agent, `${server.url}/health?pad=${'x'.repeat(400)}`);
      }));
    } finally {
      agent.destroy();
    }
    expect(await signalAndWait(server, HANG_GUARD_MS)).toBe(0);
  }, 240_000);

  it('ends by SHUTDOWN_TIMEOUT_MS with code 1 when a request never finishes', async () => {
    const server = await start({ SHUTDOWN_TIMEOUT_MS: '2000' });
    // A request whose body never arrives stays in flight until the deadline.
    const socket = connect(server.port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', () => ok()));
    socket.on('error', () => {});
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((r) => setTimeout(r, 200));
    try {
      // The old 10 s timer would still be waiting when this guard gives up.
      expect(await signalAndWait(server, 7000)).toBe(1);
    } finally {
      socket.destroy();
    }
    expect(server.output()).toContain('did not finish within SHUTDOWN_TIMEOUT_MS');
  }, 240_000);
});
