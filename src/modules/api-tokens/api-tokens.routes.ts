import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, DateTime, errorResponses, Page, pageOf, PageQuery, Uuid } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';

const Scope = Type.Union([Type.Literal('read'), Type.Literal('full')], {
  description: "What the token may do: 'read' only reads (GET and HEAD; anything else answers 403 TOKEN_SCOPE), 'full' may also write, like a staff member. Fixed at creation.",
});
const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  scope: Scope,
  lastFour: Type.String(),
  createdBy: Type.Union([Uuid, Type.Null()]),
  createdAt: DateTime,
  lastUsedAt: Type.Union([DateTime, Type.Null()]),
  revokedAt: Type.Union([DateTime, Type.Null()]),
});
const CreatedApiToken = Type.Intersect([ApiToken, Type.Object({ token: Type.String({ description: 'Shown once; store it now' }) })]);
const tags = ['api-tokens'];
const ownerOnly = { minRole: 'owner', allowApiTokens: false } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const tokens = app.ctx.services.apiTokens;

  app.get('/', {
    schema: { tags, summary: "List the company's API tokens (never the tokens themselves)", params: CompanyParams, querystring: Type.Object(PageQuery), response: { 200: Page(ApiToken), ...errorResponses } },
    config: ownerOnly,
  }, async (req) => tokens.list(req.params.companyId, pageOf(req.query)));

  app.post('/', {
    schema: {
      tags, summary: 'Create an API token; the response shows it once', params: CompanyParams,
      body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), scope: Scope }, { additionalProperties: false }),
      response: { 201: CreatedApiToken, ...errorResponses },
    },
    config: ownerOnly,
  }, async (req, reply) => reply.status(201).send(await tokens.create(actorOf(principalOf(req)), req.params.companyId, req.body)));

  app.delete('/:tokenId', {
    schema: { tags, summary: 'Revoke an API token', params: Type.Object({ companyId: Uuid, tokenId: Uuid }), response: { 204: Type.Null(), ...errorResponses } },
    config: ownerOnly,
  }, async (req, reply) => {
    await tokens.revoke(actorOf(principalOf(req)), req.params.companyId, req.params.tokenId);
    return reply.status(204).send(null);
  });
};

export default routes;
