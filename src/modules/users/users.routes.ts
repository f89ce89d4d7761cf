import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, DateTime, NewPassword, errorResponses, Page, pageOf, PageQuery, Uuid } from '../../http/common-schemas.ts';
import { OWNER_ONLY, principalOf } from '../../plugins/access.ts';
import { actorOf, isAdmin } from '../auth/principal.ts';

const CompanyRole = Type.Union([Type.Literal('owner'), Type.Literal('staff')]);

const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  companyId: Type.Union([Uuid, Type.Null()]),
  disabled: Type.Boolean(),
  lastLoginAt: Type.Union([DateTime, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const UserParams = Type.Object({ companyId: Uuid, userId: Uuid });
const tags = ['users'];
// Team management is for people, not integrations.

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const users = app.ctx.services.users;

  app.get('/', {
    schema: { tags, summary: "List the company's users", params: CompanyParams, querystring: Type.Object(PageQuery), response: { 200: Page(User), ...errorResponses } },
    config: { allowApiTokens: false },
  }, async (req) => users.list(req.params.companyId, pageOf(req.query)));

  app.post('/', {
    schema: {
      tags, summary: 'Add a user to the company', params: CompanyParams,
      description: 'Emails are unique on the whole platform. An email already in use answers 409 EMAIL_TAKEN to the platform admin; a company owner gets 409 EMAIL_UNAVAILABLE, which does not say where the address is used, and after five of those in a day 429 RATE_LIMITED (with Retry-After) for further additions.',
      body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }), name: Type.Optional(Type.String({ maxLength: 200 })), password: NewPassword, role: CompanyRole }, { additionalProperties: false }),
      response: { 201: User, ...errorResponses },
    },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    const p = principalOf(req);
    return reply.status(201).send(await users.create({ actor: actorOf(p), isPlatformAdmin: isAdmin(p) }, req.params.companyId, req.body));
  });

  app.get('/:userId', {
    schema: { tags, summary: 'Read a user', params: UserParams, response: { 200: User, ...errorResponses } },
    config: { allowApiTokens: false },
  }, async (req) => users.get(req.params.companyId, req.params.userId));

  app.patch('/:userId', {
    schema: {
      tags, summary: 'Change a user (name, role, password, disabled)', params: UserParams,
      body: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })), role: Type.Optional(CompanyRole), password: Type.Optional(NewPassword), disabled: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: User, ...errorResponses },
    },
    config: OWNER_ONLY,
  }, async (req) => users.update(actorOf(principalOf(req)), req.params.companyId, req.params.userId, req.body));

  app.delete('/:userId', {
    schema: { tags, summary: 'Remove a user', params: UserParams, response: { 204: Type.Null(), ...errorResponses } },
    config: OWNER_ONLY,
  }, async (req, reply) => {
    await users.remove(actorOf(principalOf(req)), req.params.companyId, req.params.userId);
    return reply.status(204).send(null);
  });
};

export default routes;
