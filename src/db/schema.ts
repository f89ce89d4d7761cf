/** Kysely's view of the database. Tables in `platform.` are platform-level; the rest are tenant tables. */
import type { CompaniesTable, TradeCategoriesTable, UsersTable, SessionsTable, ApiTokensTable, AttemptThrottleTable, PhoneNumbersTable, SchemaMigrationsTable, BackupsTable } from './schema/platform.ts';
import type { CompanyTradeCategoriesTable, ContactsTable, ContactPhonesTable, AuditLogTable } from './schema/tenant-core.ts';
import type { BookingSettingsTable, BookingServicesTable, TechniciansTable, BookingsTable, BookingWindowCountsTable } from './schema/booking.ts';
import type { AgentSettingsVersionsTable, AgentSettingsTable, VoiceSettingsTable, CompanySecretsTable, WidgetSettingsTable } from './schema/settings.ts';
import type { TradeKnowledgeEntriesTable, TradeVocabularyTable, TradeEmergenciesTable, TradeKnowledgeSeedsTable, KnowledgeEntriesTable, KnowledgeOverridesTable, UnansweredQuestionsTable } from './schema/knowledge.ts';
import type { SpeechCacheTable, SpeechUrlKeysTable, CallsTable, CallTurnsTable, MessagesTable, AnonymousUsageTable } from './schema/calls.ts';

export type * from './schema/platform.ts';
export type * from './schema/tenant-core.ts';
export type * from './schema/booking.ts';
export type * from './schema/settings.ts';
export type * from './schema/knowledge.ts';
export type * from './schema/calls.ts';

export interface DB {
  'platform.companies': CompaniesTable;
  'platform.trade_categories': TradeCategoriesTable;
  'platform.users': UsersTable;
  'platform.sessions': SessionsTable;
  'platform.api_tokens': ApiTokensTable;
  'platform.attempt_throttle': AttemptThrottleTable;
  'platform.phone_numbers': PhoneNumbersTable;
  'platform.schema_migrations': SchemaMigrationsTable;
  'platform.backups': BackupsTable;
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
  widget_settings: WidgetSettingsTable;
  'platform.trade_knowledge_entries': TradeKnowledgeEntriesTable;
  'platform.trade_vocabulary': TradeVocabularyTable;
  'platform.trade_emergencies': TradeEmergenciesTable;
  'platform.trade_knowledge_seeds': TradeKnowledgeSeedsTable;
  knowledge_entries: KnowledgeEntriesTable;
  knowledge_overrides: KnowledgeOverridesTable;
  unanswered_questions: UnansweredQuestionsTable;
  speech_cache: SpeechCacheTable;
  speech_url_keys: SpeechUrlKeysTable;
  anonymous_usage: AnonymousUsageTable;
}
