import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Page, pageOf } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { Contact, ContactParams, CreateContactBody, ListContactsQuery, UpdateContactBody } from './contacts.schemas.ts';

const tags = ['contacts'];

// Staff and API tokens may use every contact route (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const contacts = app.ctx.services.contacts;

  app.get('/', {
    schema: { tags, summary: 'List contacts, newest first, or search by name or phone number', params: CompanyParams, querystring: ListContactsQuery, response: { 200: Page(Contact), ...errorResponses } },
  }, async (req) => contacts.list(req.params.companyId, { q: req.query.q }, pageOf(req.query)));

  app.post('/', {
    schema: { tags, summary: 'Add a contact', params: CompanyParams, body: CreateContactBody, response: { 201: Contact, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await contacts.create(actorOf(principalOf(req)), req.params.companyId, req.body)));

  app.get('/:contactId', {
    schema: { tags, summary: 'Read a contact', params: ContactParams, response: { 200: Contact, ...errorResponses } },
  }, async (req) => contacts.get(req.params.companyId, req.params.contactId));

  app.patch('/:contactId', {
    schema: { tags, summary: 'Change a contact (phones replaces the list)', params: ContactParams, body: UpdateContactBody, response: { 200: Contact, ...errorResponses } },
  }, async (req) => contacts.update(actorOf(principalOf(req)), req.params.companyId, req.params.contactId, req.body));

  app.delete('/:contactId', {
    schema: { tags, summary: 'Delete a contact', params: ContactParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await contacts.remove(actorOf(principalOf(req)), req.params.companyId, req.params.contactId);
    return reply.status(204).send(null);
  });
};

export default routes;
