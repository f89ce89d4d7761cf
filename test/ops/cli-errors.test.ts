import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.ts';
import { runCli } from '../helpers/server-process.ts';

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

describe('command-line programs on known errors', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(['migrate.ts', 'seed-demo.ts', 'rotate-secrets.ts'])('%s prints one line for a bad setting and exits 1', async (script) => {
    const result = await runCli(script, { env: { DATA_DIR: dataDir, PORT: 'not-a-port', DATABASE_URL: '' } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^Invalid configuration: PORT must be an integer/)]);
  });

  it.each(['migrate.ts', 'seed-demo.ts', 'rotate-secrets.ts'])('%s prints one line when the database refuses connections and exits 1', async (script) => {
    const port = await freePort();
    const result = await runCli(script, { env: { DATA_DIR: dataDir, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`, DB_CONNECT_TIMEOUT_MS: '2000' } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^the database does not answer \(ECONNREFUSED\)/)]);
  });

  it('call prints one line for a bad setting and exits 1', async () => {
    const result = await runCli('call.ts', { args: ['--to', '+13125550142'], env: { DATA_DIR: dataDir, SESSION_TTL_HOURS: 'zero' } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^Invalid configuration: SESSION_TTL_HOURS/)]);
  });
});
