import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Page, pageOf } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import {
  EntryParams, ExportJson, ExportQuery, ImportBody, ImportQuery, ImportResult, InheritedEntry, InheritedParams, KnowledgeEntry,
  KnowledgeConflicts, KnowledgeEntryInput, ListEntriesQuery, OverrideBody, SearchQuery, SearchResult, UpdateKnowledgeEntryBody,
} from './knowledge.schemas.ts';

const tags = ['knowledge'];
// 5,000 rows of question, answer and alternatives fit; the global limit is 1 MB.
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const knowledge = app.ctx.services.knowledge;
  // CSV is accepted by the import route only (this plugin's scope).
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_req, body, done) => done(null, body));

  app.get('/', {
    schema: { tags, summary: "List the company's knowledge entries, newest first", params: CompanyParams, querystring: ListEntriesQuery, response: { 200: Page(KnowledgeEntry), ...errorResponses } },
  }, async (req) => knowledge.list(req.params.companyId, { q: req.query.q, tag: req.query.tag, enabled: req.query.enabled }, pageOf(req.query)));

  app.post('/', {
    schema: { tags, summary: 'Add a knowledge entry', params: CompanyParams, body: KnowledgeEntryInput, response: { 201: KnowledgeEntry, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await knowledge.create(actorOf(principalOf(req)), req.params.companyId, req.body)));

  app.get('/search', {
    schema: { tags, summary: 'Answers to a caller question, best first, and whether the best is good enough to say', params: CompanyParams, querystring: SearchQuery, response: { 200: SearchResult, ...errorResponses } },
  }, async (req) => knowledge.search(req.params.companyId, req.query.q, { limit: req.query.limit ?? 5 }));

  app.get('/conflicts', {
    schema: {
      tags, summary: "The company's enabled entries that contradict its booking configuration (hours, service area, prices, arrival windows)",
      description: 'The agent answers these topics from the booking configuration; an entry flagged here says otherwise. Entries with nothing to flag are left out.',
      params: CompanyParams, response: { 200: KnowledgeConflicts, ...errorResponses },
    },
  }, async (req) => ({ items: await app.ctx.services.knowledgeConflicts.conflicts(req.params.companyId) }));

  app.post('/import', {
    schema: {
      tags, summary: 'Import entries from JSON ({ entries }) or CSV (content-type text/csv); all or nothing',
      params: CompanyParams, querystring: ImportQuery, body: ImportBody, response: { 200: ImportResult, ...errorResponses },
    },
    bodyLimit: IMPORT_BODY_LIMIT,
    config: { minRole: 'owner' },
  }, async (req) => knowledge.importEntries(actorOf(principalOf(req)), req.params.companyId, req.body, req.query.mode ?? 'append'));

  app.get('/export', {
    schema: {
      tags, summary: 'Export the entries as JSON or CSV (the import format)', params: CompanyParams, querystring: ExportQuery,
      response: { 200: { content: { 'application/json': { schema: ExportJson }, 'text/csv': { schema: Type.String() } } }, ...errorResponses },
    },
  }, async (req, reply) => {
    const format = req.query.format ?? 'json';
    const body = await knowledge.exportEntries(req.params.companyId, format);
    if (typeof body !== 'string') return reply.type('application/json').send(body);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="knowledge.csv"').send(body);
  });

  app.get('/inherited', {
    schema: { tags, summary: "The trade knowledge the company inherits, with its overrides", params: CompanyParams, response: { 200: Type.Object({ items: Type.Array(InheritedEntry) }), ...errorResponses } },
  }, async (req) => ({ items: await knowledge.listInherited(req.params.companyId) }));

  app.get('/inherited/:tradeEntryId', {
    schema: { tags, summary: 'Read one inherited entry', params: InheritedParams, response: { 200: InheritedEntry, ...errorResponses } },
  }, async (req) => knowledge.getInherited(req.params.companyId, req.params.tradeEntryId));

  app.put('/inherited/:tradeEntryId', {
    schema: { tags, summary: "Give an inherited entry the company's own answer, or switch it off", params: InheritedParams, body: OverrideBody, response: { 200: InheritedEntry, ...errorResponses } },
  }, async (req) => knowledge.setOverride(actorOf(principalOf(req)), req.params.companyId, req.params.tradeEntryId, req.body));

  app.delete('/inherited/:tradeEntryId', {
    schema: { tags, summary: 'Use the inherited entry as the trade publishes it again', params: InheritedParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await knowledge.clearOverride(actorOf(principalOf(req)), req.params.companyId, req.params.tradeEntryId);
    return reply.status(204).send(null);
  });

  app.get('/:entryId', {
    schema: { tags, summary: 'Read a knowledge entry', params: EntryParams, response: { 200: KnowledgeEntry, ...errorResponses } },
  }, async (req) => knowledge.get(req.params.companyId, req.params.entryId));

  app.patch('/:entryId', {
    schema: { tags, summary: 'Change a knowledge entry', params: EntryParams, body: UpdateKnowledgeEntryBody, response: { 200: KnowledgeEntry, ...errorResponses } },
  }, async (req) => knowledge.update(actorOf(principalOf(req)), req.params.companyId, req.params.entryId, req.body));

  app.delete('/:entryId', {
    schema: { tags, summary: 'Delete a knowledge entry', params: EntryParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await knowledge.remove(actorOf(principalOf(req)), req.params.companyId, req.params.entryId);
    return reply.status(204).send(null);
  });
};

export default routes;
