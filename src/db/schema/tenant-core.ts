import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, Json } from './columns.ts';

/** The first tenant tables: a company's trade categories, contacts and audit log. */

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
