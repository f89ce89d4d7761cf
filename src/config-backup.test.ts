import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemsOf } from '../test/helpers/config-problems.ts';
import { loadConfig } from './config.ts';

const base = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'clientsvia-config-')) });


describe('backup settings', () => {
  it('are off by default, writing to ./backups and keeping 30 days when on', () => {
    const c = loadConfig(base());
    expect(c.backup).toMatchObject({ enabled: false, key: undefined, retentionDays: 30, cron: '30 3 * * *', s3: undefined });
    expect(c.backup.dir).toMatch(/\/backups$/);
    expect(c.retention).toEqual({ speechCacheMaxAgeDays: 90, speechCacheMaxMbPerCompany: 256 });
  });

  it('refuse to start with backups enabled and no BACKUP_KEY, saying how to make one', () => {
    expect(problemsOf({ ...base(), BACKUP_ENABLED: 'true' })).toEqual([expect.stringMatching(/^BACKUP_KEY is required when BACKUP_ENABLED=true .*openssl rand -base64 32/)]);
  });

  it('refuse a short key and the SECRETS_KEY reused as backup key', () => {
    const key = randomBytes(32).toString('base64');
    expect(problemsOf({ ...base(), BACKUP_KEY: 'c2hvcnQ=' })).toEqual([expect.stringMatching(/^BACKUP_KEY must be 32 bytes/)]);
    expect(problemsOf({ ...base(), SECRETS_KEY: key, BACKUP_KEY: key })).toEqual([expect.stringMatching(/^BACKUP_KEY must differ from SECRETS_KEY/)]);
  });

  it('take a bucket with its keys, defaulting the endpoint to the region', () => {
    const c = loadConfig({ ...base(), BACKUP_S3_BUCKET: 'acme-backups', BACKUP_S3_REGION: 'eu-west-1', BACKUP_S3_ACCESS_KEY_ID: 'AKIA1', BACKUP_S3_SECRET_ACCESS_KEY: 'secret' });
    expect(c.backup.s3).toEqual({ endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'acme-backups', region: 'eu-west-1', accessKeyId: 'AKIA1', secretAccessKey: 'secret', prefix: 'clientsvia/' });
    expect(problemsOf({ ...base(), BACKUP_S3_BUCKET: 'acme-backups' })).toEqual([expect.stringMatching(/BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY are required/)]);
  });
});
