import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.ts';
import { backend } from '../helpers/database.ts';
import { freePort } from '../helpers/free-port.ts';
import { killAll, runCli, SERVER_ADMIN, signalAndWait, signIn, spawnServer, startServer, within, type ServerProcess } from '../helpers/server-process.ts';

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

// The server process always runs on embedded PGlite; once per run is enough.
describe.skipIf(backend !== 'pglite')('server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-server-'));
  const started: ServerProcess[] = [];
  afterAll(() => {
    killAll(started);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts over a lock file naming a live unrelated process, serves the seeded demo, refuses a second process on its data directory in one line and shuts down cleanly on SIGTERM', async () => {
    // An earlier version's pid lock, naming a process that is alive (PIDs are reused) but holds nothing.
    writeFileSync(join(dataDir, LOCK_FILE), String(process.pid));
    const server = await startServer({ dataDir });
    started.push(server);

    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);

    const cookie = await signIn(server, SERVER_ADMIN);
    const companies = await fetch(`${server.url}/api/companies`, { headers: { cookie } });
    expect(companies.status).toBe(200);
    const list = (await companies.json()) as { items: Array<{ slug: string }> };
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect(list.items.map((c) => c.slug)).toEqual(expect.arrayContaining(['rapid-rooter-plumbing', 'polar-air-hvac']));

    // PGlite is single-process: a second server on the same directory must refuse to start.
    const second = await spawnServer({ dataDir });
    started.push(second);
    expect(await within(second.exited, 60_000, 'second server exit')).toBe(1);
    expect(lines(second.output())).toEqual([expect.stringMatching(/^Failed to start: The data directory .* is in use by another running ClientsVia process/)]);
    // So must the command-line programs, in one line each.
    for (const script of ['migrate.ts', 'seed-demo.ts', 'rotate-secrets.ts']) {
      const cli = await runCli(script, { env: { DATA_DIR: dataDir, DATABASE_URL: '' } });
      expect(cli.code).toBe(1);
      expect(lines(cli.stderr)).toEqual([expect.stringMatching(/^The data directory .* is in use/)]);
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    expect(await signalAndWait(server, 30_000)).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    lockDataDir(dataDir)();
  }, 300_000);

  it('a start that fails because its port is taken says so in one line and leaves no lock behind', async () => {
    const port = await freePort();
    const taken = createServer();
    await new Promise<void>((ok) => taken.listen(port, '127.0.0.1', ok));
    try {
      const server = await spawnServer({ dataDir, port });
      started.push(server);
      expect(await within(server.exited, 120_000, 'exit')).toBe(1);
      expect(lines(server.output()).filter((l) => !l.startsWith('{'))).toEqual([`Failed to start: 127.0.0.1:${port} is already in use by another process; set PORT (or HOST) to a free one`]);
      // Nothing left names the dead process (whose pid another process may get), and the lock is free.
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).not.toContain(String(server.child.pid));
      lockDataDir(dataDir)();
    } finally {
      taken.close();
    }
  }, 300_000);
});
