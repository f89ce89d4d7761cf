import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CompanyParams, errorResponses, Page, pageOf, PageQuery } from '../../http/common-schemas.ts';
import { KEEPS_OMITTED } from '../../http/partial-update.ts';
import { principalOf } from '../../plugins/access.ts';
import { requestSpeechPreparation } from '../speech/speech-jobs.ts';
import { actorOf } from '../auth/principal.ts';
import { AgentSettingsDocument, AgentSettingsVersion, PutAgentSettingsBody } from './agent-settings.schemas.ts';

const tags = ['agent-settings'];

// Everyone in the company (and its API tokens) may read; only an owner (or the platform admin) changes how the agent behaves.
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const agentSettings = app.ctx.services.agentSettings;

  app.get('/', {
    schema: { tags, summary: "The agent's current settings (version 0 and the defaults until first saved)", params: CompanyParams, response: { 200: AgentSettingsDocument, ...errorResponses } },
  }, async (req) => agentSettings.current(req.params.companyId));

  app.put('/', {
    schema: {
      tags, summary: 'Save the agent settings as a new version; fields left out keep their value', params: CompanyParams,
      description: `${KEEPS_OMITTED} With expectedVersion, an edit of a version that is no longer current answers 409 CONFLICT.`,
      body: PutAgentSettingsBody, response: { 200: AgentSettingsDocument, ...errorResponses },
    },
    config: { minRole: 'owner' },
  }, async (req) => {
    const saved = await agentSettings.save(actorOf(principalOf(req)), req.params.companyId, req.body.settings, { expectedVersion: req.body.expectedVersion });
    await requestSpeechPreparation(app.ctx.jobs, req.params.companyId, req.log);
    return saved;
  });

  app.get('/history', {
    schema: { tags, summary: 'Every saved version of the agent settings, newest first', params: CompanyParams, querystring: Type.Object(PageQuery), response: { 200: Page(AgentSettingsVersion), ...errorResponses } },
  }, async (req) => agentSettings.history(req.params.companyId, pageOf(req.query)));
};

export default routes;
