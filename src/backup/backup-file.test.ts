import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BackupFileError, decryptBackup, encryptBackup } from './backup-file.ts';
import { backupName, expiredBackups, parseBackupName } from './backup-names.ts';
import { backupWarning } from './backup-health.ts';
import { signRequest } from './s3-signing.ts';

const key = randomBytes(32);

describe('backup files', () => {
  it('round-trips under the key and hides the content', () => {
    const plain = Buffer.from('CREATE TABLE contacts (name text); INSERT Jane Doe +13125550100');
    const file = encryptBackup(plain, key);
    expect(file.includes(Buffer.from('Jane Doe'))).toBe(false);
    expect(decryptBackup(file, key)).toEqual(plain);
  });

  it('says "another BACKUP_KEY" for a wrong key and "corrupt" for a changed byte', () => {
    const file = encryptBackup(Buffer.from('some dump'), key);
    expect(() => decryptBackup(file, randomBytes(32))).toThrow(new BackupFileError('this backup was encrypted under another BACKUP_KEY'));
    const damaged = Buffer.from(file);
    damaged[damaged.length - 3] = damaged[damaged.length - 3]! ^ 0x01;
    expect(() => decryptBackup(damaged, key)).toThrow(/corrupt/);
    expect(() => decryptBackup(file.subarray(0, 20), key)).toThrow(/not a ClientsVia backup file/);
  });
});

describe('backup names and retention', () => {
  it('names carry the time and format', () => {
    const at = new Date('2026-12-03T03:30:00.123Z');
    const name = backupName(at, 'pg-dump-custom');
    expect(name).toBe('clientsvia-20261203T033000123Z.pgdump.enc');
    expect(parseBackupName(name)).toEqual({ at, format: 'pg-dump-custom' });
    expect(parseBackupName('clientsvia-20261203T033000123Z.pgdump.enc.manifest.json')).toBeUndefined();
  });

  it('expires backups older than the retention, never the newest', () => {
    const now = new Date('2026-12-31T04:00:00Z');
    const day = (d: number) => backupName(new Date(now.getTime() - d * 86_400_000), 'pglite-tar-gz');
    const names = [day(0), day(29), day(31), day(40), 'notes.txt'];
    expect(expiredBackups(names, now, 30)).toEqual([day(31), day(40)]);
    expect(expiredBackups([day(90)], now, 30)).toEqual([]);
  });

  it('warns past 26 hours, or with no backup at all', () => {
    const now = new Date('2026-12-03T12:00:00Z');
    expect(backupWarning(new Date(now.getTime() - 25 * 3_600_000), now)).toBeUndefined();
    expect(backupWarning(new Date(now.getTime() - 30 * 3_600_000), now)).toMatch(/30 hours old/);
    expect(backupWarning(undefined, now)).toBe('no verified backup yet');
  });
});

describe('SigV4', () => {
  // The examples of AWS's "Signature Calculations for the Authorization Header" (S3 API reference).
  const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
  const at = new Date('2013-05-24T00:00:00Z');
  const signatureOf = (url: string) => /Signature=([0-9a-f]{64})$/.exec(signRequest(keys, 'GET', new URL(url), Buffer.alloc(0), at).headers.authorization!)![1];

  it('signs GET Bucket Lifecycle as AWS documents it', () => {
    expect(signatureOf('https://examplebucket.s3.amazonaws.com/?lifecycle')).toBe('fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543');
  });

  it('signs a listing (sorted query parameters) as AWS documents it', () => {
    expect(signatureOf('https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J')).toBe('34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
    const signed = signRequest(keys, 'GET', new URL('https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2'), Buffer.alloc(0), at);
    expect(signed.headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7');
  });
});
