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

/** A jsonb column read as T and written as its JSON text (every such column has a default or is nullable). */
type JsonOf<T> = ColumnType<T, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

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
  local_date: ColumnType<string, string, string>;
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

export interface AgentSettingsVersionsTable {
  company_id: string;
  version: number;
  /** Validated by the agent-settings module; older versions may lack fields added since. */
  settings: Json;
  actor_type: 'user' | 'api_token' | 'system';
  actor_id: string | null;
  actor_label: Generated<string>;
  created_at: Timestamp;
}

export interface AgentSettingsTable {
  company_id: string;
  version: number;
}

export interface VoiceSettingsTable {
  company_id: string;
  provider: 'elevenlabs' | 'twilio';
  voice_id: string;
  model_id: string;
  stability: number;
  similarity_boost: number;
  style: number;
  speed: number;
  use_own_key: Generated<boolean>;
  updated_at: Timestamp;
}

export type CompanySecretName = 'elevenlabs_api_key' | 'twilio_auth_token' | 'llm_api_key';

export interface CompanySecretsTable {
  company_id: string;
  name: CompanySecretName;
  /** AES-256-GCM, `v<key version>:iv:ciphertext:tag` (src/crypto/secret-box.ts). */
  ciphertext: string;
  last4: string;
  updated_at: Timestamp;
}

export interface TradeKnowledgeEntriesTable {
  id: Generated<string>;
  trade_category_id: string;
  seed_key: string | null;
  question: string;
  answer: string;
  alternatives: TextArray;
  tags: TextArray;
  enabled: Generated<boolean>;
  search_text: string;
  /** Generated by the database from search_text and answer. */
  search_tsv: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TradeVocabularyTable {
  id: Generated<string>;
  trade_category_id: string;
  seed_key: string | null;
  terms: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TradeEmergenciesTable {
  id: Generated<string>;
  trade_category_id: string;
  seed_key: string | null;
  name: string;
  severity: 'life_safety' | 'urgent';
  triggers: string[];
  safety_instruction: string;
  default_action: 'transfer_on_call' | 'book_urgent' | 'take_message';
  enabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TradeKnowledgeSeedsTable {
  trade_category_id: string;
  kind: 'entry' | 'vocabulary' | 'emergency';
  seed_key: string;
  applied_at: Timestamp;
}

export interface KnowledgeEntriesTable {
  company_id: string;
  id: Generated<string>;
  question: string;
  answer: string;
  alternatives: TextArray;
  tags: TextArray;
  enabled: Generated<boolean>;
  search_text: string;
  search_tsv: ColumnType<string, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface KnowledgeOverridesTable {
  company_id: string;
  trade_entry_id: string;
  answer: string | null;
  enabled: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UnansweredQuestionsTable {
  company_id: string;
  id: Generated<string>;
  group_key: string;
  question: string;
  examples: TextArray;
  ask_count: Generated<number>;
  first_asked_at: Timestamp;
  last_asked_at: Timestamp;
}

/** Synthesised speech per company, keyed by a hash of company, text, voice and settings. */
export interface SpeechCacheTable {
  company_id: string;
  key: string;
  content_type: string;
  /** `Buffer` on a server, `Uint8Array` on PGlite. */
  audio: Uint8Array;
  bytes: number;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

export type CallStatus = 'in_progress' | 'completed' | 'busy' | 'no_answer' | 'failed' | 'canceled';
export type CallOutcomeColumn = 'booked' | 'answered' | 'message' | 'transferred' | 'emergency' | 'abandoned';

export interface CallsTable {
  company_id: string;
  id: Generated<string>;
  call_sid: string;
  channel: Generated<'phone' | 'web'>;
  from_number: string | null;
  to_number: string | null;
  status: Generated<CallStatus>;
  outcome: CallOutcomeColumn | null;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  duration_seconds: number | null;
  contact_id: string | null;
  booking_id: string | null;
  state: JsonOf<Record<string, unknown>>;
  turn_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CallTurnsTable {
  company_id: string;
  call_id: string;
  seq: number;
  caller_text: string | null;
  confidence: number | null;
  agent_text: string;
  response: string;
  intent: string | null;
  engine: 'greeting' | 'embedded' | 'llm' | 'fallback' | 'system';
  engine_ms: Generated<number>;
  speech_ms: Generated<number>;
  created_at: Timestamp;
}

export interface MessagesTable {
  company_id: string;
  id: Generated<string>;
  call_id: string | null;
  contact_id: string | null;
  caller_name: Generated<string>;
  callback_number: string | null;
  body: string;
  urgent: Generated<boolean>;
  status: Generated<'new' | 'handled'>;
  source_key: string | null;
  handled_at: NullableTimestamp;
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
  booking_settings: BookingSettingsTable;
  booking_services: BookingServicesTable;
  technicians: TechniciansTable;
  bookings: BookingsTable;
  booking_window_counts: BookingWindowCountsTable;
  calls: CallsTable;
  call_turns: CallTurnsTable;
  messages: MessagesTable;
  agent_settings_versions: AgentSettingsVersionsTable;
  agent_settings: AgentSettingsTable;
  voice_settings: VoiceSettingsTable;
  company_secrets: CompanySecretsTable;
  'platform.trade_knowledge_entries': TradeKnowledgeEntriesTable;
  'platform.trade_vocabulary': TradeVocabularyTable;
  'platform.trade_emergencies': TradeEmergenciesTable;
  'platform.trade_knowledge_seeds': TradeKnowledgeSeedsTable;
  knowledge_entries: KnowledgeEntriesTable;
  knowledge_overrides: KnowledgeOverridesTable;
  unanswered_questions: UnansweredQuestionsTable;
  speech_cache: SpeechCacheTable;
}
