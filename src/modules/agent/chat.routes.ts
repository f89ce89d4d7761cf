import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { createChat } from './chat.ts';
import { ChatBody, ChatReply, GreetingPreview, GreetingPreviewQuery } from './chat.schemas.ts';
import { createGreetingPreview } from './greeting-preview.ts';

const tags = ['agent'];

/** Chat with the company's agent from the dashboard ("test your agent"): staff and integrations. */
export const agentChatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calls, anonymousUsage, messages } = app.ctx.services;
  const chat = createChat({ calls, anonymousUsage, messages, runner: app.ctx.agent.runner, turnBudgetMs: app.ctx.config.turnBudgetMs, channel: 'web' });

  app.post('/chat', {
    schema: { tags, summary: 'Talk to the agent in text, as a caller would (recorded as a web conversation)', params: CompanyParams, body: ChatBody, response: { 200: ChatReply, ...errorResponses } },
  }, async (req) => chat.message(req.params.companyId, req.body));

  const greetingPreview = createGreetingPreview(app.ctx.services, app.ctx.resolveVoice);
  app.get('/greeting-preview', {
    schema: {
      tags, summary: 'The saved greeting as callers hear it: its text, and the ElevenLabs clip when the company speaks through ElevenLabs with a key',
      params: CompanyParams, querystring: GreetingPreviewQuery, response: { 200: GreetingPreview, ...errorResponses },
    },
  }, async (req) => greetingPreview(req.params.companyId, req.query.which ?? 'openHours'));
};
