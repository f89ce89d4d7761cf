import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../http/common-schemas.ts';
import { principalOf } from '../../plugins/access.ts';
import { actorOf } from '../auth/principal.ts';
import { CompanyTemplate, CreatedFromTemplate, CreateFromTemplateBody, PlatformStatus } from './platform.schemas.ts';

const tags = ['platform'];
const ADMIN = { access: 'admin' } as const;

/** The platform admin's routes (every one refuses company users and tokens). */
const routes: FastifyPluginAsyncTypebox = async (app) => {
  const { platform } = app.ctx.services;

  app.get('/templates', {
    schema: { tags, summary: 'Trade templates a new company can start from', response: { 200: Type.Array(CompanyTemplate), ...errorResponses } },
    config: ADMIN,
  }, async () => platform.templates());

  app.post('/companies', {
    schema: {
      tags, summary: 'Create a company from a trade template, with its first owner, in one step',
      description: 'The template sets the agent, hours, services, service area and knowledge; its example phone numbers are not copied.',
      body: CreateFromTemplateBody, response: { 201: CreatedFromTemplate, ...errorResponses },
    },
    config: ADMIN,
  }, async (req, reply) => reply.status(201).send(await platform.createFromTemplate(actorOf(principalOf(req)), req.body)));

  app.get('/status', {
    schema: { tags, summary: 'Version, database readiness and the job queue (failed jobs with their errors)', response: { 200: PlatformStatus, ...errorResponses } },
    config: ADMIN,
  }, async () => platform.status());
};

export default routes;
