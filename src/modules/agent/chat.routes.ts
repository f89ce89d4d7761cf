import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../errors.ts';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { OWNER_ONLY } from '../../plugins/access.ts';
import { createChat, createWidgetKeys } from './chat.ts';

const tags = ['agent'];
const ChatBody = Type.Object(
  {
    conversationId: Type.Optional(Type.String({ pattern: '^WEB[0-9a-f]{32}$', description: 'Absent: start a conversation (the greeting)' })),
    text: Type.Optional(Type.String({ maxLength: 1000, description: 'What the caller writes; absent or empty is silence' })),
    seq: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, description: 'The turn number, to retry a message safely' })),
  },
  { additionalProperties: false },
);
const ChatReply = Type.Object({
  conversationId: Type.String(),
  seq: Type.Integer(),
  say: Type.String(),
  next: Type.Union([Type.Literal('listen'), Type.Literal('hangup'), Type.Literal('transfer')]),
  transferTo: Type.Union([Type.String(), Type.Null()]),
});

/** Chat with the company's agent from the dashboard ("test your agent"): staff and integrations. */
export const agentChatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calls, anonymousUsage } = app.ctx.services;
  const chat = createChat({ calls, anonymousUsage, runner: app.ctx.agent.runner, turnBudgetMs: app.ctx.config.turnBudgetMs, channel: 'web' });
  const widgetKeys = createWidgetKeys(app.ctx.config.sessionSecret);

  app.post('/chat', {
    schema: { tags, summary: 'Talk to the agent in text, as a caller would (recorded as a web conversation)', params: CompanyParams, body: ChatBody, response: { 200: ChatReply, ...errorResponses } },
  }, async (req) => chat.message(req.params.companyId, req.body));

  app.get('/widget-key', {
    schema: { tags, summary: "The company's public key for the chat widget on its own website", params: CompanyParams, response: { 200: Type.Object({ widgetKey: Type.String() }), ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => ({ widgetKey: widgetKeys.keyFor(req.params.companyId) }));
};

/** The public website widget: a company's widget key, rate-limited per visitor address and capped per company per day. */
export const widgetRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calls, anonymousUsage, companies } = app.ctx.services;
  // Anonymous: capped conversations per company per day, and bookings only as requests.
  const chat = createChat({ calls, anonymousUsage, runner: app.ctx.agent.runner, turnBudgetMs: app.ctx.config.turnBudgetMs, channel: 'widget' });
  const widgetKeys = createWidgetKeys(app.ctx.config.sessionSecret);

  app.post('/:widgetKey/chat', {
    schema: { tags, summary: "Chat with a company's agent from its website (public, by widget key)", params: Type.Object({ widgetKey: Type.String({ maxLength: 100 }) }), body: ChatBody, response: { 200: ChatReply, ...errorResponses } },
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (req) => {
    const companyId = widgetKeys.companyOf(req.params.widgetKey);
    if (!companyId || (await companies.statusOf(companyId)) !== 'active') throw notFound('Widget');
    return chat.message(companyId, req.body);
  });
};
