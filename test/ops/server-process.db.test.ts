import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backend } from '../helpers/database.ts';
import { killAll, SERVER_ADMIN, signalAndWait, signIn, spawnServer, startServer, within, type ServerProcess } from '../helpers/server-process.ts';

// The server process always runs on embedded PGlite; once per run is enough.
describe.skipIf(backend !== 'pglite')('server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-server-'));
  const started: ServerProcess[] = [];
  afterAll(() => {
    killAll(started);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves the seeded demo, refuses a second process on its data directory and shuts down cleanly on SIGTERM', async () => {
    const server = await startServer({ dataDir });
    started.push(server);
    expect(existsSync(join(dataDir, 'clientsvia.lock'))).toBe(true);

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
    expect(second.output()).toMatch(/data directory .* is in use/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    expect(await signalAndWait(server, 30_000)).toBe(0);
    expect(server.output()).toContain('shut down cleanly');
    expect(existsSync(join(dataDir, 'clientsvia.lock'))).toBe(false);
  }, 240_000);
});
