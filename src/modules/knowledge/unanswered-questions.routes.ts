import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Page, pageOf, PageQuery } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { KnowledgeEntry } from './knowledge.schemas.ts';
import { AnswerQuestionBody, QuestionParams, RecordedQuestion, RecordQuestionBody, UnansweredQuestion } from './unanswered-questions.schemas.ts';

const tags = ['knowledge'];

/** Questions the agent could not answer, grouped by similarity, most asked first. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const knowledge = app.ctx.services.knowledge;

  app.get('/', {
    schema: { tags, summary: 'List unanswered question groups, most asked first', params: CompanyParams, querystring: Type.Object(PageQuery), response: { 200: Page(UnansweredQuestion), ...errorResponses } },
  }, async (req) => knowledge.listUnanswered(req.params.companyId, pageOf(req.query)));

  app.post('/', {
    schema: {
      tags, summary: 'Record a question the agent could not answer (counted into the group of similar questions)',
      params: CompanyParams, body: RecordQuestionBody, response: { 201: RecordedQuestion, 204: Type.Null(), ...errorResponses },
    },
  }, async (req, reply) => {
    const recorded = await knowledge.recordUnanswered(req.params.companyId, req.body.question);
    return recorded ? reply.status(201).send(recorded) : reply.status(204).send(null);
  });

  app.post('/:questionId/answer', {
    schema: { tags, summary: 'Answer a group: it becomes a knowledge entry and leaves this list', params: QuestionParams, body: AnswerQuestionBody, response: { 201: KnowledgeEntry, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await knowledge.answerUnanswered(actorOf(principalOf(req)), req.params.companyId, req.params.questionId, req.body)));

  app.delete('/:questionId', {
    schema: { tags, summary: 'Dismiss a group', params: QuestionParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await knowledge.dismissUnanswered(actorOf(principalOf(req)), req.params.companyId, req.params.questionId);
    return reply.status(204).send(null);
  });
};

export default routes;
