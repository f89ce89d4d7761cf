import type { Generated } from 'kysely';
import type { Timestamp, NullableTimestamp } from './columns.ts';

/** Leads followed up, the daily digest's subscriptions, digests and their deliveries (019). */

export interface LeadFollowUpsTable {
  company_id: string;
  call_id: string;
  actor_type: 'user' | 'api_token' | 'system';
  actor_id: string | null;
  actor_label: string;
  followed_up_at: Timestamp;
}

export interface DigestSubscriptionsTable {
  company_id: string;
  user_id: string;
  by_email: Generated<boolean>;
  by_sms: Generated<boolean>;
  sms_number: string | null;
  updated_at: Timestamp;
}

export interface DigestsTable {
  company_id: string;
  /** YYYY-MM-DD, the company-local day the digest was sent on (it reports the day before). */
  local_day: string;
  claimed_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface DigestDeliveriesTable {
  company_id: string;
  local_day: string;
  user_id: string;
  channel: 'email' | 'sms';
  status: 'sending' | 'sent' | 'failed';
  attempts: Generated<number>;
  error: string | null;
  updated_at: Timestamp;
}
