import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import agentSettingsRoutes from './modules/agent-settings/agent-settings.routes.ts';
import analyticsRoutes from './modules/analytics/analytics.routes.ts';
import apiTokensRoutes from './modules/api-tokens/api-tokens.routes.ts';
import auditRoutes from './modules/audit/audit.routes.ts';
import authRoutes from './modules/auth/auth.routes.ts';
import { bookingSettingsRoutes, servicesRoutes, techniciansRoutes } from './modules/booking/booking-config.routes.ts';
import { availabilityRoutes, bookingsRoutes } from './modules/booking/bookings.routes.ts';
import { callsRoutes, messagesRoutes } from './modules/calls/calls.routes.ts';
import { agentChatRoutes } from './modules/agent/chat.routes.ts';
import voiceRoutes from './modules/voice/voice.routes.ts';
import voiceSocketRoutes from './modules/voice/voice-socket.routes.ts';
import companiesRoutes from './modules/companies/companies.routes.ts';
import companyConfigRoutes from './modules/company-config/company-config.routes.ts';
import companyDataRoutes from './modules/company-data/company-data.routes.ts';
import contactsRoutes from './modules/contacts/contacts.routes.ts';
import emergenciesRoutes from './modules/knowledge/emergencies.routes.ts';
import digestRoutes from './modules/digest/digest.routes.ts';
import exportsRoutes from './modules/exports/exports.routes.ts';
import leadsRoutes from './modules/leads/leads.routes.ts';
import knowledgeRoutes from './modules/knowledge/knowledge.routes.ts';
import tradeKnowledgeRoutes from './modules/knowledge/trade-knowledge.routes.ts';
import unansweredQuestionsRoutes from './modules/knowledge/unanswered-questions.routes.ts';
import overviewRoutes from './modules/overview/overview.routes.ts';
import platformRoutes from './modules/platform/platform.routes.ts';
import phoneNumbersRoutes from './modules/phone-numbers/phone-numbers.routes.ts';
import secretsRoutes from './modules/secrets/secrets.routes.ts';
import speechRoutes, { speechUrlRoutes } from './modules/speech/speech.routes.ts';
import tradeCategoriesRoutes from './modules/trade-categories/trade-categories.routes.ts';
import usersRoutes from './modules/users/users.routes.ts';
import voiceSettingsRoutes from './modules/voice-settings/voice-settings.routes.ts';
import { widgetChatRoutes } from './modules/widget/widget-chat.routes.ts';
import widgetSettingsRoutes from './modules/widget/widget.routes.ts';

/** Every API module, mounted under /api. Company resources live under /companies/:companyId. */
export const apiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A change to a company through the API reaches this process's caches of its settings at once,
  // and the other processes' before it is answered (as do sign-outs and changes of access).
  app.addHook('onSend', async (req, reply, payload) => {
    const companyId = (req.params as { companyId?: string } | undefined)?.companyId;
    if (companyId && req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400) app.ctx.invalidation.invalidate(companyId);
    await app.ctx.invalidation.settled();
    return payload;
  });
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(tradeCategoriesRoutes, { prefix: '/trade-categories' });
  await app.register(voiceRoutes, { prefix: '/twilio' });
  // Twilio's WebSockets for streaming calls: outside /twilio, whose gate takes only signed forms.
  await app.register(voiceSocketRoutes, { prefix: '/voice-socket' });
  await app.register(widgetChatRoutes, { prefix: '/widget' });
  await app.register(tradeKnowledgeRoutes, { prefix: '/trade-categories/:tradeCategoryId/knowledge' });
  // Public: Twilio fetches audio for <Play> without our authentication (signed URLs).
  await app.register(speechRoutes, { prefix: '/speech' });
  await app.register(platformRoutes, { prefix: '/platform' });
  await app.register(companiesRoutes, { prefix: '/companies' });
  await app.register(companyDataRoutes, { prefix: '/companies' });
  const company = '/companies/:companyId';
  await app.register(usersRoutes, { prefix: `${company}/users` });
  await app.register(phoneNumbersRoutes, { prefix: `${company}/phone-numbers` });
  await app.register(speechUrlRoutes, { prefix: `${company}/speech` });
  await app.register(contactsRoutes, { prefix: `${company}/contacts` });
  await app.register(apiTokensRoutes, { prefix: `${company}/api-tokens` });
  await app.register(auditRoutes, { prefix: `${company}/audit-log` });
  await app.register(bookingSettingsRoutes, { prefix: `${company}/booking-settings` });
  await app.register(servicesRoutes, { prefix: `${company}/services` });
  await app.register(techniciansRoutes, { prefix: `${company}/technicians` });
  await app.register(availabilityRoutes, { prefix: `${company}/availability` });
  await app.register(bookingsRoutes, { prefix: `${company}/bookings` });
  await app.register(overviewRoutes, { prefix: `${company}/overview` });
  await app.register(analyticsRoutes, { prefix: `${company}/analytics` });
  await app.register(callsRoutes, { prefix: `${company}/calls` });
  await app.register(messagesRoutes, { prefix: `${company}/messages` });
  await app.register(leadsRoutes, { prefix: company });
  await app.register(exportsRoutes, { prefix: company });
  await app.register(digestRoutes, { prefix: `${company}/digest-subscription` });
  await app.register(agentChatRoutes, { prefix: `${company}/agent` });
  await app.register(agentSettingsRoutes, { prefix: `${company}/agent-settings` });
  await app.register(voiceSettingsRoutes, { prefix: `${company}/voice-settings` });
  await app.register(widgetSettingsRoutes, { prefix: `${company}/widget` });
  await app.register(secretsRoutes, { prefix: `${company}/secrets` });
  await app.register(knowledgeRoutes, { prefix: `${company}/knowledge` });
  await app.register(emergenciesRoutes, { prefix: `${company}/emergencies` });
  await app.register(unansweredQuestionsRoutes, { prefix: `${company}/unanswered-questions` });
  await app.register(companyConfigRoutes, { prefix: `${company}/config` });
};
