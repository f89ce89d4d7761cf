import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the database. Tables in `platform.` are platform-level; the rest are tenant tables. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface CompaniesTable {
  id: Generated<string>;
  name: string;
  slug: string;
  time_zone: string;
  status: Generated<'active' | 'suspended'>;
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
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
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

export interface ApiTokensTable {
  id: Generated<string>;
  company_id: string;
  name: string;
  token_hash: string;
  last_four: string;
  created_by: string | null;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
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

export interface CompanyTradeCategoriesTable {
  company_id: string;
  trade_category_id: string;
  created_at: Timestamp;
}

export interface ContactsTable {
  company_id: string;
  id: Generated<string>;
  name: Generated<string>;
  email: string | null;
  address: string | null;
  zip: string | null;
  notes: Generated<string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactPhonesTable {
  company_id: string;
  e164: string;
  contact_id: string;
  position: Generated<number>;
}

export interface AuditLogTable {
  company_id: string;
  id: Generated<string>;
  actor_type: 'user' | 'api_token' | 'system';
  actor_id: string | null;
  actor_label: Generated<string>;
  action: string;
  entity_type: string;
  entity_id: string | null;
  changes: Json;
  created_at: Timestamp;
}

export interface DB {
  'platform.companies': CompaniesTable;
  'platform.trade_categories': TradeCategoriesTable;
  'platform.users': UsersTable;
  'platform.sessions': SessionsTable;
  'platform.api_tokens': ApiTokensTable;
  'platform.phone_numbers': PhoneNumbersTable;
  'platform.schema_migrations': SchemaMigrationsTable;
  company_trade_categories: CompanyTradeCategoriesTable;
  contacts: ContactsTable;
  contact_phones: ContactPhonesTable;
  audit_log: AuditLogTable;
}
