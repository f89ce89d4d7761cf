import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/backup/backup-file.ts';
import { backupName, manifestName, type Manifest } from '../../src/backup/backup-names.ts';
import { createBackupService } from '../../src/backup/backup.service.ts';
import { directoryStore, type BackupStore } from '../../src/backup/backup-store.ts';
import { s3Store } from '../../src/backup/s3-store.ts';
import { BACKUP_JOB } from '../../src/jobs/handlers/backup.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { backend } from '../helpers/database.ts';
import { createCompany } from '../helpers/factories.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startS3Stub, type S3Stub } from '../stubs/s3.ts';

const KEY = randomBytes(32);
const DAY = 86_400_000;

function recordingLog() {
  const lines: string[] = [];
  const log = { debug() {}, info() {}, error: (...a: unknown[]) => void lines.push(String(a.at(-1))), warn: (...a: unknown[]) => void lines.push(String(a.at(-1))) };
  return { lines, log };
}

let t: TestApp;
let dir: string;
let companyName: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientsvia-backups-'));
  // The schedule is set where no test run lands, so only the job sent below runs.
  t = await createTestApp({ jobs: true, env: { BACKUP_ENABLED: 'true', BACKUP_KEY: KEY.toString('base64'), BACKUP_DIR: dir, BACKUP_RETENTION_DAYS: '30', BACKUP_CRON: '0 0 1 1 *' } });
  companyName = (await createCompany(t.app)).name;
});
afterAll(async () => t?.close());

const ready = async () => (await t.app.inject({ method: 'GET', url: '/ready' }));
const gauge = async () => Number(/^clientsvia_last_backup_success_seconds (\S+)$/m.exec((await t.app.inject({ method: 'GET', url: '/metrics' })).body)?.[1]);

/** An old backup as an earlier run would have left it (retention reads the name's time). */
function plantOldBackup(store: BackupStore, at: Date) {
  const name = backupName(at, backend === 'pglite' ? 'pglite-tar-gz' : 'pg-dump-custom');
  return Promise.all([store.put(name, Buffer.from('old')), store.put(manifestName(name), Buffer.from('{}'))]).then(() => name);
}

describe('the daily backup job', () => {
  it('warns in /ready (still 200) and reports 0 while no backup exists', async () => {
    const res = await ready();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', warnings: ['backup: no verified backup yet'] });
    expect(await gauge()).toBe(0);
  });

  it('writes an encrypted, verified backup with its manifest, deletes those past retention, and updates the gauge and /ready', async () => {
    const store = directoryStore(dir);
    const old = await plantOldBackup(store, new Date(Date.now() - 40 * DAY));
    const recent = await plantOldBackup(store, new Date(Date.now() - 10 * DAY));
    const id = (await t.app.ctx.jobs.send(BACKUP_JOB))!;
    const job = await waitFor('the backup job', async () => {
      const j = await t.app.ctx.jobs.findJob(BACKUP_JOB, id);
      return j?.state === 'completed' || j?.state === 'failed' ? j : undefined;
    }, 60_000);
    expect(job.state).toBe('completed');
    const output = job.output as { status: string; file: string; deleted: string[] };
    expect(output).toMatchObject({ status: 'written', deleted: [old] });

    const files = readdirSync(dir).sort();
    expect(files).toEqual([recent, manifestName(recent), output.file, manifestName(output.file)].sort());
    const file = readFileSync(join(dir, output.file));
    const manifest = JSON.parse(readFileSync(join(dir, manifestName(output.file)), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ file: output.file, format: backend === 'pglite' ? 'pglite-tar-gz' : 'pg-dump-custom', bytes: file.length, sha256: sha256(file) });
    expect(manifest.tables).toBeGreaterThan(30);
    expect(file.includes(Buffer.from(companyName))).toBe(false);

    expect(await gauge()).toBeCloseTo(new Date(manifest.createdAt).getTime() / 1000, 0);
    expect((await ready()).json()).toEqual({ status: 'ready', database: 'ok', migrations: { pending: [] } });
  }, 90_000);

  it('warns in /ready once the last backup is more than 26 hours old', async () => {
    await sql`UPDATE platform.backups SET created_at = now() - interval '30 hours'`.execute(t.database.db);
    const res = await ready();
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings).toEqual([expect.stringMatching(/^backup: the last verified backup is 30 hours old/)]);
  });

  it('fails, keeping nothing, when the stored backup does not open', async () => {
    const inner = directoryStore(mkdtempSync(join(tmpdir(), 'clientsvia-backups-bad-')));
    // A store that damages what it stores, as a bad disk or a truncated upload would.
    const damaging: BackupStore = { ...inner, put: (name, data) => inner.put(name, name.endsWith('.enc') ? data.subarray(0, data.length - 1) : data) };
    const service = createBackupService({ database: t.database, config: t.config, log: recordingLog().log, store: damaging });
    await expect(service.run()).rejects.toThrow(/another checksum than its manifest/);
    expect(await inner.list()).toEqual([]);
  }, 60_000);
});

describe('backups to an S3-compatible bucket', () => {
  let s3: S3Stub;
  const settings = { endpoint: '', bucket: 'clientsvia-backups', region: 'eu-central-1', accessKeyId: 'AKIATESTBACKUP', secretAccessKey: randomBytes(20).toString('base64'), prefix: 'prod/' };
  beforeAll(async () => {
    s3 = await startS3Stub({ ...settings, pageSize: 2 });
    settings.endpoint = s3.url;
  });
  afterAll(async () => s3?.close());

  it('stores the backup and manifest as signed objects, lists across pages and deletes expired ones', async () => {
    const store = s3Store(settings);
    const old = await Promise.all([40, 50].map((d) => plantOldBackup(store, new Date(Date.now() - d * DAY))));
    const outcome = await createBackupService({ database: t.database, config: t.config, log: recordingLog().log, store }).run();
    expect(outcome).toMatchObject({ status: 'written', deleted: expect.arrayContaining(old) });
    if (outcome.status !== 'written') return;
    expect([...s3.objects.keys()].sort()).toEqual([`prod/${outcome.file}`, `prod/${manifestName(outcome.file)}`]);
    expect(s3.objects.get(`prod/${outcome.file}`)!.subarray(0, 4).toString()).toBe('CVBK');
    expect(s3.authorizations.every((a) => a.startsWith('AWS4-HMAC-SHA256 Credential=AKIATESTBACKUP/'))).toBe(true);
  }, 60_000);

  it('names the status and S3 error code when the keys are wrong, never the secret', async () => {
    const store = s3Store({ ...settings, secretAccessKey: 'wrong-secret' });
    const err = await store.put('x', Buffer.from('y')).catch((e: Error) => e);
    expect(String(err)).toMatch(/writing x in bucket clientsvia-backups failed: HTTP 403 SignatureDoesNotMatch/);
    expect(String(err)).not.toContain('wrong-secret');
  });
});

describe.skipIf(backend !== 'postgres')('pg_dump that cannot be used (PostgreSQL only)', () => {
  const run = async (binDir: string) => {
    const { lines, log } = recordingLog();
    const config = { ...t.config, backup: { ...t.config.backup, pgBinDir: binDir } };
    const service = createBackupService({ database: t.database, config, log, store: directoryStore(mkdtempSync(join(tmpdir(), 'clientsvia-nodump-'))) });
    const outcomes = [await service.run(), await service.run()];
    return { outcomes, lines };
  };

  it('without the binary, says once to use the provider backups instead of failing every day', async () => {
    const { outcomes, lines } = await run('/nonexistent/bin');
    expect(outcomes.map((o) => o.status)).toEqual(['unavailable', 'unavailable']);
    expect(lines).toEqual([expect.stringMatching(/^backups skipped: pg_dump is not installed here: rely on your database provider's backups and point-in-time recovery/)]);
  });

  it('with an older pg_dump than the server, says so in one line', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'clientsvia-oldpg-'));
    writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(join(bin, 'pg_dump'), 0o755);
    const { outcomes, lines } = await run(bin);
    expect(outcomes[0]).toMatchObject({ status: 'unavailable' });
    expect(lines).toEqual([expect.stringMatching(/^backups skipped: pg_dump 9 cannot dump PostgreSQL 1\d: install pg_dump 1\d or newer/)]);
  });
});

