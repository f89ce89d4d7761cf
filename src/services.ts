import { createInvalidationHub, type InvalidationHub } from './cache/invalidation-hub.ts';
import type { Config } from './config.ts';
import { keyringFromConfig } from './crypto/keyring.ts';
import { unreadMetrics, type AppMetrics } from './observability/metrics.ts';
import type { Db } from './db/connect.ts';
import { createAnonymousUsageService } from './modules/anonymous-usage/anonymous-usage.service.ts';
import { createAnalyticsService } from './modules/analytics/analytics.service.ts';
import { createAgentSettingsService } from './modules/agent-settings/agent-settings.service.ts';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { createPasswordsService } from './modules/auth/passwords.service.ts';
import { createSessionCache } from './modules/auth/session-cache.ts';
import { createBookingConfigService } from './modules/booking/booking-config.service.ts';
import { createBookingsService } from './modules/booking/bookings.service.ts';
import { createCallsService } from './modules/calls/calls.service.ts';
import { createMessagesService } from './modules/calls/messages.service.ts';
import { createCompaniesService } from './modules/companies/companies.service.ts';
import { createCompanyConfigService } from './modules/company-config/company-config.service.ts';
import { createCompanyDataService } from './modules/company-data/company-data.service.ts';
import { createContactsService } from './modules/contacts/contacts.service.ts';
import { createKnowledgeConflicts } from './modules/knowledge/knowledge-conflicts.service.ts';
import { createDigestService } from './modules/digest/digest.service.ts';
import { createDigestSubscriptionsService } from './modules/digest/digest-subscriptions.service.ts';
import { createMailer } from './modules/digest/mailer.ts';
import { createExportsService } from './modules/exports/exports.service.ts';
import { createLeadsService } from './modules/leads/leads.service.ts';
import { createKnowledgeService } from './modules/knowledge/knowledge.service.ts';
import { createOverviewService } from './modules/overview/overview.service.ts';
import { createTradeKnowledgeService } from './modules/knowledge/trade-knowledge.service.ts';
import { createNumberProof } from './modules/phone-numbers/number-proof.ts';
import { createPhoneNumbersService } from './modules/phone-numbers/phone-numbers.service.ts';
import { createSecretsService } from './modules/secrets/secrets.service.ts';
import { SILENT_LOGGER, type SpeechLogger } from './modules/speech/speech-provider.ts';
import { createSpeechService } from './modules/speech/speech.service.ts';
import { createTradeCategoriesService } from './modules/trade-categories/trade-categories.service.ts';
import { createPlatformService } from './modules/platform/platform.service.ts';
import { createRetentionService } from './modules/retention/retention.service.ts';
import { createUsersService } from './modules/users/users.service.ts';
import { createVoiceSettingsService } from './modules/voice-settings/voice-settings.service.ts';
import { createWidgetService } from './modules/widget/widget.service.ts';

/**
 * Wires every module's service once; modules reach each other only through these. `clock` is
 * the app's time: bookings read "now" from it (minimum notice, holds), so a call answered at a
 * given instant books as it would have then.
 */
export function createServices(
  config: Config,
  db: Db,
  logger: SpeechLogger = SILENT_LOGGER,
  clock: () => Date = () => new Date(),
  invalidation: InvalidationHub = createInvalidationHub(),
  metrics: AppMetrics = unreadMetrics(),
) {
  const onAccessChanged = (userId: string) => invalidation.accessChanged({ userId });
  const audit = createAuditService(db);
  const tradeCategories = createTradeCategoriesService(db);
  const secrets = createSecretsService(db, audit, keyringFromConfig(config));
  const phoneNumbers = createPhoneNumbersService(db, audit, createNumberProof({ twilioApiBaseUrl: config.twilioApiBaseUrl, reveal: secrets.reveal }));
  // The agent settings name trade emergencies to switch off; the emergency matcher reads the company's own.
  const agentSettings = createAgentSettingsService(db, audit, {
    isOwnNumber: async (companyId, e164) => (await phoneNumbers.lookup(e164))?.companyId === companyId,
    tradeEmergencyKeys: (companyId) => knowledge.tradeEmergencyKeys(companyId),
    onSaved: (companyId) => knowledge.forgetEmergencyRules(companyId),
  });
  const knowledge = createKnowledgeService(db, audit, { emergencySettingsIn: async (tx, companyId) => (await agentSettings.currentIn(tx, companyId)).settings });
  // The emergency rules are kept per company: a change to it in any process (its agent settings,
  // its categories) reaches them.
  invalidation.register((companyId) => knowledge.forgetEmergencyRules(companyId));
  // A company's status and time zone travel with its number lookups, and its trade categories
  // decide the knowledge it inherits: refresh both on change.
  const companies = createCompaniesService(db, audit, tradeCategories, {
    onChanged: (id) => {
      phoneNumbers.invalidate(id);
      knowledge.forgetInherited(id);
      invalidation.accessChanged({ companyId: id });
    },
  });
  const contacts = createContactsService(db, audit);
  const bookingConfig = createBookingConfigService(db, audit, companies);
  const services = {
    audit,
    auth: createAuthService(config, db, { sessions: createSessionCache(invalidation), onSignedOut: (sessionId) => invalidation.accessChanged({ sessionId }) }),
    passwords: createPasswordsService(config, db, audit, { onAccessChanged }),
    tradeCategories,
    companies,
    users: createUsersService(db, audit, config.sessionSecret, { onAccessChanged }),
    apiTokens: createApiTokensService(db, audit),
    phoneNumbers,
    contacts,
    bookingConfig,
    bookings: createBookingsService(db, { audit, companies, contacts, config: bookingConfig, now: clock, metrics }),
    calls: createCallsService(db, { contacts }),
    leads: createLeadsService(db, { audit, companies, now: clock }),
    anonymousUsage: createAnonymousUsageService(db, {
      companies,
      caps: { conversationsPerCompanyPerDay: config.anonConversationsPerCompanyPerDay, bookingsPerCompanyPerDay: config.anonBookingsPerCompanyPerDay, bookingsPerPhonePerDay: config.anonBookingsPerPhonePerDay, modelTurnsPerCompanyPerDay: config.anonModelTurnsPerCompanyPerDay },
    }),
    messages: createMessagesService(db, audit, contacts),
    secrets,
    agentSettings,
    voiceSettings: createVoiceSettingsService(db, audit, secrets),
    widget: createWidgetService(db, audit, { companies, sessionSecret: config.sessionSecret, publicUrl: config.publicUrl }),
    speech: createSpeechService({ config, db, audit, logger, metrics }),
    knowledge,
    knowledgeConflicts: createKnowledgeConflicts(db, { bookingConfig, agentSettings }),
    companyData: createCompanyDataService(db, { onDeleted: (id) => { phoneNumbers.invalidate(id); knowledge.forgetInherited(id); } }),
    tradeKnowledge: createTradeKnowledgeService(db, { onChanged: () => knowledge.forgetInherited() }),
  };
  // The configuration document and the overview span the modules above, through their services.
  const companyConfig = createCompanyConfigService(db, services);
  const platform = createPlatformService(db, config, { companies, companyConfig, users: services.users });
  const retention = createRetentionService(services, config.retention, clock);
  return {
    ...services,
    companyConfig,
    platform,
    retention,
    overview: createOverviewService(services),
    analytics: createAnalyticsService(db, { bookingConfig }),
    // The exports and the digest read through the services above too.
    exports: createExportsService({ ...services, now: clock }),
    digestSubscriptions: createDigestSubscriptionsService(db, audit),
    digest: createDigestService(db, { ...services, config, mailer: config.smtp ? createMailer(config.smtp) : undefined, now: clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
