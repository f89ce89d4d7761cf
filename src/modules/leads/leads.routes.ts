import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, pageOf } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { FollowUpParams, FollowUpResult, UnbookedLeadsPage, UnbookedLeadsQuery } from './leads.schemas.ts';

const tags = ['calls'];

// Mounted at /companies/:companyId. Staff and API tokens may use them (the access defaults).
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const leads = app.ctx.services.leads;

  app.get('/leads/unbooked', {
    schema: {
      tags, summary: 'Unbooked leads, newest first',
      description: 'Calls with service intent (a booking attempt, an emergency, a message about a job; see the README) that ended without a booking, started on the company-local days `from`..`to`. Followed-up ones only with includeFollowedUp.',
      params: CompanyParams, querystring: UnbookedLeadsQuery, response: { 200: UnbookedLeadsPage, ...errorResponses },
    },
  }, async (req) => leads.listUnbooked(req.params.companyId, req.query, pageOf(req.query)));

  app.post('/calls/:callId/follow-up', {
    schema: { tags, summary: 'Mark a call followed up (marking it again keeps the first mark)', params: FollowUpParams, response: { 200: FollowUpResult, ...errorResponses } },
  }, async (req) => leads.markFollowedUp(actorOf(principalOf(req)), req.params.companyId, req.params.callId));

  app.delete('/calls/:callId/follow-up', {
    schema: { tags, summary: 'Undo "followed up" on a call', params: FollowUpParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (req, reply) => {
    await leads.unmarkFollowedUp(actorOf(principalOf(req)), req.params.companyId, req.params.callId);
    return reply.status(204).send(null);
  });
};

export default routes;
