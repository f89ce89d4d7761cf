import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CompanyParams, errorResponses } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { secretChangesOf } from './secrets.names.ts';
import { SecretList, UpdateSecretsBody } from './secrets.schemas.ts';

const tags = ['secrets'];
// Credentials are the owner's business (and the platform admin's), not staff's or integrations'.
const ownerOnly = { minRole: 'owner', allowApiTokens: false } as const;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const secrets = app.ctx.services.secrets;

  app.get('/', {
    schema: { tags, summary: "Which of the company's secrets are set, with their last four characters (never the values)", params: CompanyParams, response: { 200: SecretList, ...errorResponses } },
    config: ownerOnly,
  }, async (req) => ({ items: await secrets.list(req.params.companyId) }));

  app.patch('/', {
    schema: { tags, summary: 'Set (string) or clear (null) secrets; fields left out stay as they are', params: CompanyParams, body: UpdateSecretsBody, response: { 200: SecretList, ...errorResponses } },
    config: ownerOnly,
  }, async (req) => ({ items: await secrets.update(actorOf(principalOf(req)), req.params.companyId, secretChangesOf(req.body)) }));
};

export default routes;
