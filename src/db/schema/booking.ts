import type { Generated } from 'kysely';
import type { Timestamp, NullableTimestamp, JsonOf, TextArray } from './columns.ts';

/** Booking: each company's rules, services, technicians, bookings and window counters. */

export interface BookingSettingsTable {
  company_id: string;
  weekly_hours: JsonOf<Record<string, { start: string; end: string }[]>>;
  overrides: JsonOf<{ date: string; closed?: true; ranges?: { start: string; end: string }[] }[]>;
  holidays: JsonOf<{ date: string; name: string }[]>;
  service_area: TextArray;
  min_notice_minutes: number;
  horizon_days: number;
  max_jobs_per_technician_per_day: number;
  arrival_windows: JsonOf<{ start: string; end: string; capacity: number }[]>;
  on_call: JsonOf<{ weeklyHours: Record<string, { start: string; end: string }[]>; serviceIds: string[]; surchargeNote: string } | null>;
  hold_minutes: number;
  sms_confirmations: boolean;
  updated_at: Timestamp;
}

export interface BookingServicesTable {
  company_id: string;
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  duration_minutes: number;
  price_text: Generated<string>;
  required_skills: TextArray;
  emergency: Generated<boolean>;
  buffer_before_minutes: Generated<number>;
  buffer_after_minutes: Generated<number>;
  slot_interval_minutes: Generated<number>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TechniciansTable {
  company_id: string;
  id: Generated<string>;
  name: string;
  phone: string | null;
  skills: TextArray;
  zips: TextArray;
  weekly_hours: JsonOf<Record<string, { start: string; end: string }[]> | null>;
  time_off: JsonOf<{ start: string; end: string; reason?: string }[]>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'completed';

export interface BookingsTable {
  company_id: string;
  id: Generated<string>;
  service_id: string;
  technician_id: string;
  contact_id: string | null;
  call_id: string | null;
  status: BookingStatus;
  start_at: Timestamp;
  end_at: Timestamp;
  blocked_from: Timestamp;
  blocked_to: Timestamp;
  window_key: string | null;
  window_end: string | null;
  zip: string;
  address: string | null;
  customer_name: Generated<string>;
  customer_phone: string | null;
  notes: Generated<string>;
  emergency: Generated<boolean>;
  surcharge_note: string | null;
  source: Generated<'api' | 'dashboard' | 'phone'>;
  hold_expires_at: NullableTimestamp;
  confirmed_at: NullableTimestamp;
  cancelled_at: NullableTimestamp;
  cancel_reason: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BookingWindowCountsTable {
  company_id: string;
  window_key: string;
  booked: Generated<number>;
  capacity: number;
}
