import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.ts';
import { runCli } from '../helpers/server-process.ts';

const lines = (text: string) => text.trim().split('\n').filter(Boolean);
const KEY = randomBytes(32).toString('base64');

/** `npm run backup` on PGlite: it needs the data directory to itself. */
describe('npm run backup', () => {
  it('writes a verified backup and its manifest into BACKUP_DIR', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-backup-cli-'));
    const backupDir = mkdtempSync(join(tmpdir(), 'clientsvia-backup-cli-out-'));
    const result = await runCli('backup.ts', { env: { DATA_DIR: dataDir, DATABASE_URL: '', BACKUP_KEY: KEY, BACKUP_DIR: backupDir } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = readdirSync(backupDir).sort();
    expect(files).toEqual([expect.stringMatching(/^clientsvia-\d{8}T\d+Z\.pglite\.tar\.gz\.enc$/), expect.stringMatching(/\.manifest\.json$/)]);
    expect(result.stdout).toMatch(/backup written and verified/);
  }, 180_000);

  it('says in one line that BACKUP_KEY is missing', async () => {
    const result = await runCli('backup.ts', { env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-backup-cli-')), DATABASE_URL: '', BACKUP_KEY: '' } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^BACKUP_KEY is not set .*openssl rand -base64 32/)]);
  });

  it('says in one line that a running server holds DATA_DIR and backs it up itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clientsvia-backup-cli-'));
    const held = await connectDatabase({ dataDir });
    try {
      const result = await runCli('backup.ts', { env: { DATA_DIR: dataDir, DATABASE_URL: '', BACKUP_KEY: KEY } });
      expect(result.code).toBe(1);
      expect(lines(result.stderr)).toEqual([expect.stringMatching(/is in use by another running ClientsVia process.*a running server backs up its PGlite database itself/)]);
    } finally {
      await held.close();
    }
  }, 120_000);
});
