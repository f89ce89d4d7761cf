import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/common-schemas.ts';
import { KnowledgeEntryInput, UpdateKnowledgeEntryBody } from './knowledge.schemas.ts';
import {
  CreateEmergencyBody, Emergency, EmergencyParams, TradeCategoryParams, TradeEntry, TradeEntryParams, TradeKnowledge,
  UpdateEmergencyBody, VocabularyBody, VocabularyGroup, VocabularyParams,
} from './trade-knowledge.schemas.ts';

const tags = ['trade-knowledge'];
// Platform admins only: companies see this knowledge as what they inherit (/knowledge/inherited).
const config = { access: 'admin' as const };
const noContent = { 204: Type.Null(), ...errorResponses };

/** The Q&A, vocabulary and emergencies a trade category gives every company in it. */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const trade = app.ctx.services.tradeKnowledge;

  app.get('/', {
    schema: { tags, summary: "A trade category's knowledge: entries, vocabulary, emergencies", params: TradeCategoryParams, response: { 200: TradeKnowledge, ...errorResponses } },
    config,
  }, async (req) => trade.get(req.params.tradeCategoryId));

  app.post('/entries', {
    schema: { tags, summary: 'Add a Q&A entry', params: TradeCategoryParams, body: KnowledgeEntryInput, response: { 201: TradeEntry, ...errorResponses } },
    config,
  }, async (req, reply) => reply.status(201).send(await trade.createEntry(req.params.tradeCategoryId, req.body)));

  app.patch('/entries/:tradeEntryId', {
    schema: { tags, summary: 'Change a Q&A entry', params: TradeEntryParams, body: UpdateKnowledgeEntryBody, response: { 200: TradeEntry, ...errorResponses } },
    config,
  }, async (req) => trade.updateEntry(req.params.tradeCategoryId, req.params.tradeEntryId, req.body));

  app.delete('/entries/:tradeEntryId', {
    schema: { tags, summary: "Delete a Q&A entry (companies' overrides of it go too)", params: TradeEntryParams, response: noContent },
    config,
  }, async (req, reply) => {
    await trade.removeEntry(req.params.tradeCategoryId, req.params.tradeEntryId);
    return reply.status(204).send(null);
  });

  app.post('/vocabulary', {
    schema: { tags, summary: 'Add a synonym group', params: TradeCategoryParams, body: VocabularyBody, response: { 201: VocabularyGroup, ...errorResponses } },
    config,
  }, async (req, reply) => reply.status(201).send(await trade.createVocabulary(req.params.tradeCategoryId, req.body.terms)));

  app.put('/vocabulary/:vocabularyId', {
    schema: { tags, summary: 'Replace the terms of a synonym group', params: VocabularyParams, body: VocabularyBody, response: { 200: VocabularyGroup, ...errorResponses } },
    config,
  }, async (req) => trade.updateVocabulary(req.params.tradeCategoryId, req.params.vocabularyId, req.body.terms));

  app.delete('/vocabulary/:vocabularyId', {
    schema: { tags, summary: 'Delete a synonym group', params: VocabularyParams, response: noContent },
    config,
  }, async (req, reply) => {
    await trade.removeVocabulary(req.params.tradeCategoryId, req.params.vocabularyId);
    return reply.status(204).send(null);
  });

  app.post('/emergencies', {
    schema: { tags, summary: 'Add an emergency definition', params: TradeCategoryParams, body: CreateEmergencyBody, response: { 201: Emergency, ...errorResponses } },
    config,
  }, async (req, reply) => reply.status(201).send(await trade.createEmergency(req.params.tradeCategoryId, req.body)));

  app.patch('/emergencies/:emergencyId', {
    schema: { tags, summary: 'Change an emergency definition', params: EmergencyParams, body: UpdateEmergencyBody, response: { 200: Emergency, ...errorResponses } },
    config,
  }, async (req) => trade.updateEmergency(req.params.tradeCategoryId, req.params.emergencyId, req.body));

  app.delete('/emergencies/:emergencyId', {
    schema: { tags, summary: 'Delete an emergency definition', params: EmergencyParams, response: noContent },
    config,
  }, async (req, reply) => {
    await trade.removeEmergency(req.params.tradeCategoryId, req.params.emergencyId);
    return reply.status(204).send(null);
  });
};

export default routes;
