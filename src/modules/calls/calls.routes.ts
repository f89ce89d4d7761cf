import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, dateOrUndefined, errorResponses, Page, pageOf } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { Call, CallParams, CallWithTranscript, ListCallsQuery, ListMessagesQuery, Message, MessageParams, UpdateMessageBody } from './calls.schemas.ts';

const tags = ['calls'];

export const callsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const calls = app.ctx.services.calls;

  app.get('/', {
    schema: { tags, summary: 'The call log, newest first, filtered by outcome, time, contact, channel, emergency or caller', params: CompanyParams, querystring: ListCallsQuery, response: { 200: Page(Call), ...errorResponses } },
  }, async (req) => {
    const { outcome, from, to, contactId, channel, emergency, caller } = req.query;
    return calls.list(req.params.companyId, { outcome, from: dateOrUndefined(from), to: dateOrUndefined(to), contactId, channel, emergency, caller }, pageOf(req.query));
  });

  app.get('/:callId', {
    schema: { tags, summary: 'A call with its transcript, turn by turn', params: CallParams, response: { 200: CallWithTranscript, ...errorResponses } },
  }, async (req) => calls.get(req.params.companyId, req.params.callId));
};

export const messagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const messages = app.ctx.services.messages;

  app.get('/', {
    schema: { tags, summary: 'Messages the agent took, newest first', params: CompanyParams, querystring: ListMessagesQuery, response: { 200: Page(Message), ...errorResponses } },
  }, async (req) => messages.list(req.params.companyId, { status: req.query.status, callId: req.query.callId, urgent: req.query.urgent }, pageOf(req.query)));

  app.get('/:messageId', {
    schema: { tags, summary: 'Read a message', params: MessageParams, response: { 200: Message, ...errorResponses } },
  }, async (req) => messages.get(req.params.companyId, req.params.messageId));

  app.patch('/:messageId', {
    schema: { tags, summary: 'Mark a message handled (or new again)', params: MessageParams, body: UpdateMessageBody, response: { 200: Message, ...errorResponses } },
  }, async (req) => messages.setStatus(actorOf(principalOf(req)), req.params.companyId, req.params.messageId, req.body.status));
};
