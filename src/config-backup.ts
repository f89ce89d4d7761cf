import { isAbsolute, resolve } from 'node:path';
import { decodeKey } from './config-parsers.ts';

/** Backups and data retention settings (see README "Backups and restore"). */
export interface BackupConfig {
  /** This process's job queue takes the daily backup (where jobs are worked). */
  enabled: boolean;
  /** AES-256-GCM key every backup file is encrypted under; never SECRETS_KEY. */
  key: Buffer | undefined;
  /** Where backups are written when no bucket is configured. */
  dir: string;
  /** Backups older than this many days are deleted after each successful one. */
  retentionDays: number;
  /** UTC cron of the daily backup. */
  cron: string;
  /** An S3-compatible bucket; when set, backups go there instead of `dir`. */
  s3: S3Settings | undefined;
  /** Where pg_dump / pg_restore are (default: the PATH). */
  pgBinDir: string | undefined;
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Object names start with this. */
  prefix: string;
}

export interface RetentionConfig {
  /** Speech cache clips unused for this many days are deleted (0: never by age). */
  speechCacheMaxAgeDays: number;
  /** Each company's speech cache is kept under this many megabytes, least recently used out first (0: no limit). */
  speechCacheMaxMbPerCompany: number;
}

type Str = (name: string) => string | undefined;
type Int = (name: string, fallback: number, min: number, max: number) => number;
type Bool = (name: string, fallback: boolean) => boolean;

export function parseBackupConfig(str: Str, int: Int, bool: Bool, secretsKey: Buffer | undefined, problems: string[]): BackupConfig {
  const enabled = bool('BACKUP_ENABLED', false);
  const keyRaw = str('BACKUP_KEY');
  let key: Buffer | undefined;
  if (keyRaw !== undefined) {
    key = decodeKey(keyRaw);
    if (key === undefined) problems.push('BACKUP_KEY must be 32 bytes encoded as base64 or 64 hex characters (generate one with: openssl rand -base64 32)');
    else if (new Set(key).size < 8) problems.push('BACKUP_KEY is too weak (not random)');
    else if (secretsKey && key.equals(secretsKey)) problems.push('BACKUP_KEY must differ from SECRETS_KEY (a leaked backup key must not open the secrets in the database)');
  } else if (enabled) {
    problems.push('BACKUP_KEY is required when BACKUP_ENABLED=true (32 bytes, base64 or hex; generate one with: openssl rand -base64 32)');
  }
  const dirRaw = str('BACKUP_DIR') ?? './backups';
  const cron = str('BACKUP_CRON') ?? '30 3 * * *';
  if (cron.split(/\s+/).length !== 5) problems.push(`BACKUP_CRON must be a 5-field cron expression in UTC (got "${cron}")`);
  return {
    enabled,
    key,
    dir: isAbsolute(dirRaw) ? dirRaw : resolve(dirRaw),
    retentionDays: int('BACKUP_RETENTION_DAYS', 30, 1, 3650),
    cron,
    s3: parseS3(str, problems),
    pgBinDir: str('BACKUP_PG_BIN_DIR'),
  };
}

function parseS3(str: Str, problems: string[]): S3Settings | undefined {
  const bucket = str('BACKUP_S3_BUCKET');
  if (bucket === undefined) return undefined;
  const region = str('BACKUP_S3_REGION') ?? 'us-east-1';
  const endpoint = (str('BACKUP_S3_ENDPOINT') ?? `https://s3.${region}.amazonaws.com`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(endpoint)) problems.push(`BACKUP_S3_ENDPOINT must be an http(s) origin without a path (got "${endpoint}")`);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`BACKUP_S3_BUCKET must be a bucket name (got "${bucket}")`);
  const accessKeyId = str('BACKUP_S3_ACCESS_KEY_ID');
  const secretAccessKey = str('BACKUP_S3_SECRET_ACCESS_KEY');
  if (!accessKeyId || !secretAccessKey) problems.push('BACKUP_S3_ACCESS_KEY_ID and BACKUP_S3_SECRET_ACCESS_KEY are required with BACKUP_S3_BUCKET');
  const prefix = str('BACKUP_S3_PREFIX') ?? 'clientsvia/';
  return { endpoint, bucket, region, accessKeyId: accessKeyId ?? '', secretAccessKey: secretAccessKey ?? '', prefix };
}

export function parseRetentionConfig(int: Int): RetentionConfig {
  return {
    speechCacheMaxAgeDays: int('SPEECH_CACHE_MAX_AGE_DAYS', 90, 0, 36_500),
    speechCacheMaxMbPerCompany: int('SPEECH_CACHE_MAX_MB_PER_COMPANY', 256, 0, 1_000_000),
  };
}

