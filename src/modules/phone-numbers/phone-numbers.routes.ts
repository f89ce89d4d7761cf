import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Page, pageOf } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { claimOf } from './number-proof.ts';
import { AddPhoneNumberBody, ListPhoneNumbersQuery, PhoneNumber, PhoneNumberParams, UpdatePhoneNumberBody } from './phone-numbers.schemas.ts';

const tags = ['phone-numbers'];

// Which numbers reach the company is an owner's decision, not an integration's.

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const phoneNumbers = app.ctx.services.phoneNumbers;

  app.get('/', {
    schema: { tags, summary: "List the company's phone numbers", params: CompanyParams, querystring: ListPhoneNumbersQuery, response: { 200: Page(PhoneNumber), ...errorResponses } },
  }, async (req) => phoneNumbers.list(req.params.companyId, pageOf(req.query)));

  app.post('/', {
    schema: {
      tags, summary: 'Add a phone number the agent answers', params: CompanyParams, body: AddPhoneNumberBody, response: { 201: PhoneNumber, ...errorResponses },
      description: "The platform admin assigns any free number. A company owner adds only a number that is in the company's own Twilio account "
        + '(checked through Twilio with its twilioAccountSid and twilioAuthToken secrets); any other is 422 PHONE_NUMBER_NOT_VERIFIED, whether or not another company holds it.',
    },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    const p = principalOf(req);
    return reply.status(201).send(await phoneNumbers.add(actorOf(p), req.params.companyId, req.body, claimOf(p)));
  });

  app.get('/:phoneNumberId', {
    schema: { tags, summary: 'Read a phone number', params: PhoneNumberParams, response: { 200: PhoneNumber, ...errorResponses } },
  }, async (req) => phoneNumbers.get(req.params.companyId, req.params.phoneNumberId));

  app.patch('/:phoneNumberId', {
    schema: { tags, summary: "Change a phone number's label", params: PhoneNumberParams, body: UpdatePhoneNumberBody, response: { 200: PhoneNumber, ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req) => phoneNumbers.update(actorOf(principalOf(req)), req.params.companyId, req.params.phoneNumberId, req.body));

  app.delete('/:phoneNumberId', {
    schema: { tags, summary: 'Remove a phone number', params: PhoneNumberParams, response: { 204: Type.Null(), ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    await phoneNumbers.remove(actorOf(principalOf(req)), req.params.companyId, req.params.phoneNumberId);
    return reply.status(204).send(null);
  });
};

export default routes;
