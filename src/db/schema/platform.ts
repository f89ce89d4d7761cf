import type { Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.ts';

/** Platform-level tables (schema `platform`): companies, users, sessions, tokens, numbers, migrations. */

export interface CompaniesTable {
  id: Generated<string>;
  name: string;
  slug: string;
  time_zone: string;
  status: Generated<'active' | 'suspended'>;
  /** Days transcripts, audio clips and messages are kept (the daily purge). */
  personal_data_retention_days: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TradeCategoriesTable {
  id: Generated<string>;
  slug: string;
  name: string;
  description: Generated<string>;
  created_at: Timestamp;
}

export type UserRole = 'admin' | 'owner' | 'staff';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: Generated<string>;
  password_hash: string;
  role: UserRole;
  company_id: string | null;
  disabled: Generated<boolean>;
  last_login_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** 'read': safe methods only (GET, HEAD); 'full': whatever the company's staff may do. */
export type ApiTokenScope = 'read' | 'full';

export interface ApiTokensTable {
  id: Generated<string>;
  company_id: string;
  name: string;
  token_hash: string;
  last_four: string;
  scope: ApiTokenScope;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

/** Failed sign-ins per (account, client address) pair; `key` is an HMAC of the pair. */
export interface AttemptThrottleTable {
  key: string;
  failures: number;
  blocked_until: NullableTimestamp;
  updated_at: Date;
}

/** Rate-limit hits per key in its current window (src/rate-limits/postgres-counters.ts). */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  ends_at: Date;
}

export interface PhoneNumbersTable {
  id: Generated<string>;
  company_id: string;
  e164: string;
  label: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

/** Backups written and verified (their files live in BACKUP_DIR or the bucket). */
export interface BackupsTable {
  id: Generated<string>;
  file: string;
  format: 'pglite-tar-gz' | 'pg-dump-custom';
  bytes: number;
  sha256: string;
  tables: number;
  created_at: Date | string;
}
