import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { createChat } from './chat.ts';
import { ChatBody, ChatReply } from './chat.schemas.ts';

const tags = ['agent'];

/** Chat with the company's agent from the dashboard ("test your agent"): staff and integrations. */
export const agentChatRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calls, anonymousUsage } = app.ctx.services;
  const chat = createChat({ calls, anonymousUsage, runner: app.ctx.agent.runner, turnBudgetMs: app.ctx.config.turnBudgetMs, channel: 'web' });

  app.post('/chat', {
    schema: { tags, summary: 'Talk to the agent in text, as a caller would (recorded as a web conversation)', params: CompanyParams, body: ChatBody, response: { 200: ChatReply, ...errorResponses } },
  }, async (req) => chat.message(req.params.companyId, req.body));
};
